using System.Text;

namespace TalksTracker.Domain.Extraction;

/// <summary>Builds normalised text while recording, for each character, the original range it came from.</summary>
internal sealed class TextMapBuilder(int capacity)
{
    private readonly StringBuilder _text = new(capacity);
    private readonly List<int> _starts = new(capacity);
    private readonly List<int> _ends = new(capacity);

    public int Length => _text.Length;

    public char Last => _text.Length == 0 ? '\n' : _text[^1];

    public void Append(char c, int originalStart, int originalEnd)
    {
        _text.Append(c);
        _starts.Add(originalStart);
        _ends.Add(originalEnd);
    }

    public void Append(string s, int originalStart, int originalEnd)
    {
        foreach (var c in s)
        {
            Append(c, originalStart, originalEnd);
        }
    }

    /// <summary>One space, never at a line start and never doubled.</summary>
    public void AppendSpace(int original)
    {
        if (Last is not (' ' or '\n'))
        {
            Append(' ', original, original + 1);
        }
    }

    /// <summary>A line break (or a blank line for a paragraph), dropping trailing spaces; never more than one blank line.</summary>
    public void AppendBreak(int original, bool paragraph)
    {
        while (_text.Length > 0 && _text[^1] == ' ')
        {
            RemoveLast();
        }

        if (_text.Length == 0)
        {
            return;
        }

        var breaks = paragraph ? 2 : 1;
        var trailing = 0;
        while (trailing < _text.Length && _text[_text.Length - 1 - trailing] == '\n')
        {
            trailing++;
        }

        for (var i = trailing; i < breaks; i++)
        {
            Append('\n', original, original);
        }
    }

    public (string Text, int[] Starts, int[] Ends) Build()
    {
        while (_text.Length > 0 && char.IsWhiteSpace(_text[^1]))
        {
            RemoveLast();
        }

        return (_text.ToString(), [.. _starts], [.. _ends]);
    }

    private void RemoveLast()
    {
        _text.Length--;
        _starts.RemoveAt(_starts.Count - 1);
        _ends.RemoveAt(_ends.Count - 1);
    }
}
