using System.Text;

namespace TalksTracker.Reliability.Support;

/// <summary>Plausible report texts, different for every number, for bulk imports and API posts.</summary>
public static class ReportTexts
{
    private static readonly string[] Sources =
    [
        "a senior Israeli security source", "Israeli media", "a Gulf official", "analysts", "a Syrian opposition figure",
        "diplomats familiar with the talks", "a Russian foreign ministry spokesman", "two officials",
    ];

    private static readonly string[] Places = ["Baku", "Muscat", "Doha", "Amman", "Geneva", "Moscow", "Cairo"];

    private static readonly string[] Topics =
    [
        "army deployments near the Golan", "the militias in the south", "long-term guarantees", "prisoner exchanges",
        "a de-escalation line", "the withdrawal of foreign forces", "border crossings",
    ];

    public static string Make(int number, int sentences = 24)
    {
        var random = new Random(number);
        var text = new StringBuilder();
        text.Append("Talks in ").Append(Places[random.Next(Places.Length)]).Append(" continue, report ").Append(number).Append('\n');
        for (var i = 0; i < sentences; i++)
        {
            var source = Sources[random.Next(Sources.Length)];
            var topic = Topics[random.Next(Topics.Length)];
            var place = Places[random.Next(Places.Length)];
            text.Append(random.Next(4) switch
            {
                0 => $"According to {source}, envoys met in {place} to discuss {topic}. ",
                1 => $"Officials reportedly agreed in principle on {topic}, {source} said. ",
                2 => $"\"There was no meeting in {place},\" {source} told reporters. ",
                _ => $"The delegations are said to have discussed {topic} in {place}. ",
            });
            if (i % 6 == 5)
            {
                text.Append('\n');
            }
        }

        text.Append($"Reference {number}-{random.Next():x8}.");
        return text.ToString();
    }
}
