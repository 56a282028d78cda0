using System.Text;

namespace TalksTracker.Benchmarks;

/// <summary>The extraction benchmark's input: a realistic report of a given size.</summary>
public static class ExtractionBenchmark
{
    private static readonly string[] Sentences =
    [
        "According to a senior Israeli security source, Moscow is playing a central role in facilitating indirect communications.",
        "The source indicated that Azerbaijan has emerged as a discreet venue for these talks, with Baku hosting closed-door meetings.",
        "The discussions are said to focus primarily on security arrangements in southern Syria, near the Golan Heights.",
        "“We will not sit at the same table with a militia,” Army spokesman Brig. Gen. Nabil Abdallah said on Sunday.",
        "A U.S. official, who asked not to be named, said Washington was seeking verifiable steps before any easing of sanctions.",
        "The talks, the diplomats said, lasted more than 3.5 hours at the U.N. compound.",
        "Analysts note that these undeclared talks don’t signal a shift toward normalization.",
        "The White House declined to comment.",
    ];

    /// <summary>A report of about <paramref name="words"/> words: a title and body sentences in the style of the seed article.</summary>
    public static string SampleReport(int words)
    {
        var builder = new StringBuilder("Unannounced security talks between Syria and Israel\nTwo Western diplomats said talks were held. ");
        var count = 0;
        for (var i = 0; count < words; i++)
        {
            var sentence = Sentences[i % Sentences.Length];
            builder.Append(sentence).Append(i % 5 == 4 ? "\n" : " ");
            count += sentence.Count(c => c == ' ') + 1;
        }

        return builder.ToString();
    }
}
