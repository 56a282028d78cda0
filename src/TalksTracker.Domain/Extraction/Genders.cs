namespace TalksTracker.Domain.Extraction;

/// <summary>
/// Whether "he" or "she" can stand for a named person: told by a gendered title ("spokeswoman", "Mr.") or, failing
/// that, by a common given name. Unknown names fit both; only a known mismatch rules a person out.
/// </summary>
internal static class Genders
{
    private static readonly WordSet FemaleTitles = new(
        "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "ms.", "ms", "mrs.", "mrs", "madam", "madame",
        "queen", "princess", "sheikha", "baroness", "lady", "dame", "mother", "sister", "wife", "daughter");

    private static readonly WordSet MaleTitles = new(
        "spokesman", "chairman", "congressman", "businessman", "mr.", "mr", "king", "prince", "sheikh", "emir", "sultan",
        "lord", "sir", "father", "brother", "husband", "son", "ayatollah", "grand");

    private static readonly WordSet FemaleNames = new(
        "maria", "mariya", "karoline", "kaja", "ursula", "kamala", "hillary", "nancy", "annalena", "catherine", "penny",
        "liz", "elizabeth", "giorgia", "marine", "tatyana", "tatiana", "valentina", "yulia", "olena", "iryna", "irina",
        "olga", "natalia", "natalya", "anna", "elena", "yelena", "svetlana", "ekaterina", "kristina", "victoria",
        "samantha", "linda", "susan", "sarah", "sara", "rachel", "hannah", "laura", "julia", "julie", "emily", "emma",
        "mary", "margaret", "jennifer", "jessica", "michelle", "barbara", "patricia", "angela", "christine", "christina",
        "helen", "jane", "anne", "ann", "caroline", "claire", "karen", "kristi", "tulsi",
        "leila", "layla", "fatima", "fatma", "aisha", "mariam", "maryam", "noura", "reem", "lana", "rania", "hind",
        "zainab", "amal", "huda", "hanan", "sheikha", "golda", "tzipi", "ayelet", "miri", "gila", "orit", "sharren",
        "mette", "sanna", "roberta", "federica", "antonia", "isabel", "sophie", "pramila", "nikki", "condoleezza",
        "madeleine", "wendy", "tammy", "dorothy", "joanna", "agnes", "ngozi", "amina", "sahle-work", "hua", "chunying",
        "sanae", "yoko", "yoshiko", "tsai", "hsiao", "ivanna", "oksana", "marta", "katarina");

    private static readonly WordSet MaleNames = new(
        "jean", "jean-yves", "jean-noel", "emmanuel", "donald", "joe", "joseph", "john", "james", "michael", "mike",
        "antony", "anthony", "marco", "steve", "steven", "stephen", "jake", "william", "lloyd", "pete", "david", "daniel",
        "richard", "robert", "thomas", "mark", "peter", "paul", "george", "charles", "keir", "rishi", "boris", "olaf",
        "friedrich", "recep", "hakan", "vladimir", "sergei", "sergey", "dmitry", "dmitri", "andrey", "andrei", "alexei",
        "alexander", "mikhail", "yuri", "nikolai", "volodymyr", "andriy", "dmytro", "rustem", "kyrylo", "mohammed",
        "mohammad", "muhammad", "mohamed", "ahmed", "ahmad", "ali", "abbas", "hassan", "hussein", "hossein", "abdullah",
        "abdel", "abdul", "khalid", "khaled", "faisal", "majed", "badr", "fuad", "naim", "nabih", "najib", "michel",
        "benjamin", "yoav", "israel", "gideon", "isaac", "yair", "benny", "ron", "gil", "tzachi", "eli", "avi",
        "esmaeil", "ismail", "kazem", "masoud", "massoud", "javad", "ebrahim", "ibrahim", "hamid", "yahya", "abiy",
        "isaias", "yemane", "redwan", "shehbaz", "ishaq", "narendra",
        "subrahmanyam", "jaishankar", "zabihullah", "amir", "sirajuddin", "hibatullah", "abdulqader", "abdulmalik",
        "hans", "antonio", "josep", "jens", "yoon", "shigeru", "fumio", "toshimitsu", "takeshi");

    public static char Of(string[] words, string? description)
    {
        var fromTitle = FromTitles(words);
        if (fromTitle != '?')
        {
            return fromTitle;
        }

        if (description is not null && FromTitles(description.Split(' ')) is var d && d != '?')
        {
            return d;
        }

        // The given name: the first capitalised word after the last title ("White House press secretary Karoline Leavitt").
        var nameStart = 0;
        for (var k = 0; k < words.Length; k++)
        {
            if (char.IsLower(words[k][0]) || Lexicon.RoleWords.Contains(words[k]) || Lexicon.Honorifics.Contains(words[k]))
            {
                nameStart = k + 1;
            }
        }

        foreach (var word in words[Math.Min(nameStart, words.Length)..])
        {
            if (!NounPhrase.IsCapitalised(word) || Lexicon.RoleWords.Contains(word) || Lexicon.Honorifics.Contains(word)
                || word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) || State.MayStart(word))
            {
                continue;
            }

            return FemaleNames.Contains(word) ? 'f' : MaleNames.Contains(word) ? 'm' : '?';
        }

        return '?';
    }

    private static char FromTitles(string[] words)
    {
        foreach (var word in words)
        {
            if (FemaleTitles.Contains(word))
            {
                return 'f';
            }

            if (MaleTitles.Contains(word))
            {
                return 'm';
            }
        }

        return '?';
    }
}
