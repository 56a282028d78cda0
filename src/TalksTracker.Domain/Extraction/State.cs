namespace TalksTracker.Domain.Extraction;

/// <summary>
/// General knowledge about states that news writing leans on without naming them: what each is called, its demonyms,
/// its form ("the Kingdom", "the sultanate") and the regions it belongs to ("the Gulf state", "the Central Asian
/// country"). A descriptor resolves to the state mentioned most recently in the report that fits it; nothing here
/// names a report. Kept to the states that mediated and bilateral security talks are usually about.
/// </summary>
internal sealed class State(string name, string[] demonyms, string form, string[] regions, bool island = false)
{
    /// <summary>The name as news writes it, with its article: "Saudi Arabia", "the United Arab Emirates".</summary>
    public string Name { get; } = name;

    public string[] Demonyms { get; } = demonyms;

    /// <summary>"kingdom", "sultanate", "emirates", "republic", "islamic republic" or "" when nothing is usual.</summary>
    public string Form { get; } = form;

    public string[] Regions { get; } = regions;

    public bool IsIsland { get; } = island;

    /// <summary>"Saudi Arabia's", "Cyprus's"; a plural name takes the apostrophe alone: "the United Arab Emirates'".</summary>
    public string Possessive => Name.StartsWith("the ", StringComparison.Ordinal) && Name.EndsWith('s') ? Name + "'" : Name + "'s";

    private static readonly State[] All =
    [
        new("Saudi Arabia", ["Saudi"], "kingdom", ["gulf", "arab", "middle eastern"]),
        new("Oman", ["Omani"], "sultanate", ["gulf", "arab", "middle eastern"]),
        new("the United Arab Emirates", ["Emirati"], "emirates", ["gulf", "arab", "middle eastern"]),
        new("Qatar", ["Qatari"], "emirate", ["gulf", "arab", "middle eastern"]),
        new("Kuwait", ["Kuwaiti"], "emirate", ["gulf", "arab", "middle eastern"]),
        new("Bahrain", ["Bahraini"], "kingdom", ["gulf", "arab", "middle eastern"], island: true),
        new("Jordan", ["Jordanian"], "kingdom", ["arab", "middle eastern"]),
        new("Morocco", ["Moroccan"], "kingdom", ["arab", "african", "north african"]),
        new("Iran", ["Iranian"], "islamic republic", ["middle eastern"]),
        new("Iraq", ["Iraqi"], "republic", ["arab", "middle eastern", "gulf"]),
        new("Syria", ["Syrian"], "republic", ["arab", "middle eastern"]),
        new("Lebanon", ["Lebanese"], "republic", ["arab", "middle eastern"]),
        new("Israel", ["Israeli"], "", ["middle eastern"]),
        new("Egypt", ["Egyptian"], "republic", ["arab", "african", "north african", "middle eastern"]),
        new("Yemen", ["Yemeni"], "republic", ["arab", "middle eastern"]),
        new("Turkey", ["Turkish"], "republic", ["middle eastern", "european"]),
        new("Algeria", ["Algerian"], "republic", ["arab", "african", "north african"]),
        new("Libya", ["Libyan"], "", ["arab", "african", "north african"]),
        new("Tunisia", ["Tunisian"], "republic", ["arab", "african", "north african"]),
        new("Sudan", ["Sudanese"], "", ["arab", "african", "east african"]),
        new("Ethiopia", ["Ethiopian"], "republic", ["african", "east african", "horn of africa"]),
        new("Eritrea", ["Eritrean"], "", ["african", "east african", "horn of africa"]),
        new("Somalia", ["Somali"], "republic", ["african", "east african", "horn of africa"]),
        new("Djibouti", ["Djiboutian"], "republic", ["african", "east african", "horn of africa"]),
        new("Kenya", ["Kenyan"], "republic", ["african", "east african"]),
        new("Afghanistan", ["Afghan"], "", ["south asian", "asian"]),
        new("Pakistan", ["Pakistani"], "islamic republic", ["south asian", "asian"]),
        new("India", ["Indian"], "republic", ["south asian", "asian"]),
        new("Bhutan", ["Bhutanese"], "kingdom", ["south asian", "asian", "himalayan"]),
        new("Nepal", ["Nepali", "Nepalese"], "republic", ["south asian", "asian", "himalayan"]),
        new("Turkmenistan", ["Turkmen"], "republic", ["central asian", "asian"]),
        new("Kazakhstan", ["Kazakh"], "republic", ["central asian", "asian"]),
        new("Uzbekistan", ["Uzbek"], "republic", ["central asian", "asian"]),
        new("Kyrgyzstan", ["Kyrgyz"], "republic", ["central asian", "asian"]),
        new("Tajikistan", ["Tajik"], "republic", ["central asian", "asian"]),
        new("Azerbaijan", ["Azerbaijani", "Azeri"], "republic", ["caucasus", "caspian"]),
        new("Armenia", ["Armenian"], "republic", ["caucasus"]),
        new("Georgia", ["Georgian"], "", ["caucasus"]),
        new("China", ["Chinese"], "republic", ["asian", "east asian"]),
        new("Japan", ["Japanese"], "", ["asian", "east asian"], island: true),
        new("South Korea", ["South Korean"], "republic", ["asian", "east asian"]),
        new("North Korea", ["North Korean"], "", ["asian", "east asian"]),
        new("Taiwan", ["Taiwanese"], "", ["asian", "east asian"], island: true),
        new("the Philippines", ["Philippine", "Filipino"], "republic", ["asian", "southeast asian"], island: true),
        new("Indonesia", ["Indonesian"], "republic", ["asian", "southeast asian"], island: true),
        new("Thailand", ["Thai"], "kingdom", ["asian", "southeast asian"]),
        new("Cambodia", ["Cambodian"], "kingdom", ["asian", "southeast asian"]),
        new("Vietnam", ["Vietnamese"], "", ["asian", "southeast asian"]),
        new("Malaysia", ["Malaysian"], "", ["asian", "southeast asian"]),
        new("Singapore", ["Singaporean"], "", ["asian", "southeast asian"], island: true),
        new("Sri Lanka", ["Sri Lankan"], "", ["south asian", "asian"], island: true),
        new("Russia", ["Russian"], "", ["european"]),
        new("Ukraine", ["Ukrainian"], "", ["european", "eastern european"]),
        new("Belarus", ["Belarusian"], "republic", ["european", "eastern european"]),
        new("Poland", ["Polish"], "republic", ["european", "eastern european"]),
        new("Serbia", ["Serbian"], "republic", ["european", "balkan"]),
        new("Kosovo", ["Kosovar"], "republic", ["european", "balkan"]),
        new("Cyprus", ["Cypriot"], "republic", ["european", "mediterranean"], island: true),
        new("Greece", ["Greek"], "republic", ["european", "mediterranean"]),
        new("Britain", ["British"], "kingdom", ["european"], island: true),
        new("France", ["French"], "republic", ["european"]),
        new("Germany", ["German"], "republic", ["european"]),
        new("Norway", ["Norwegian"], "kingdom", ["european", "nordic", "scandinavian"]),
        new("Switzerland", ["Swiss"], "", ["european", "alpine"]),
        new("the United States", ["American", "U.S.", "US"], "", ["north american"]),
        new("Venezuela", ["Venezuelan"], "republic", ["latin american", "south american"]),
        new("Colombia", ["Colombian"], "republic", ["latin american", "south american"]),
        new("Cuba", ["Cuban"], "republic", ["latin american", "caribbean"], island: true),
        new("Niger", ["Nigerien"], "republic", ["african", "west african", "sahel"]),
        new("Nigeria", ["Nigerian"], "republic", ["african", "west african"]),
        new("Mali", ["Malian"], "republic", ["african", "west african", "sahel"]),
        new("Burkina Faso", ["Burkinabe"], "", ["african", "west african", "sahel"]),
        new("Chad", ["Chadian"], "republic", ["african", "central african", "sahel"]),
        new("Mauritania", ["Mauritanian"], "islamic republic", ["african", "west african", "north african", "sahel", "arab"]),
        new("Senegal", ["Senegalese"], "republic", ["african", "west african"]),
        new("Togo", ["Togolese"], "republic", ["african", "west african"]),
        new("Benin", ["Beninese"], "republic", ["african", "west african"]),
        new("Ghana", ["Ghanaian"], "republic", ["african", "west african"]),
        new("Guinea", ["Guinean"], "republic", ["african", "west african"]),
        new("Cameroon", ["Cameroonian"], "republic", ["african", "central african"]),
        new("the Central African Republic", [], "republic", ["african", "central african"]),
        new("Congo", ["Congolese"], "republic", ["african", "central african"]),
        new("Rwanda", ["Rwandan"], "republic", ["african", "central african", "east african"]),
        new("Burundi", ["Burundian"], "republic", ["african", "central african", "east african"]),
        new("Uganda", ["Ugandan"], "republic", ["african", "east african"]),
        new("Tanzania", ["Tanzanian"], "republic", ["african", "east african"]),
        new("South Sudan", ["South Sudanese"], "republic", ["african", "east african"]),
        new("Mozambique", ["Mozambican"], "republic", ["african", "southern african"]),
        new("South Africa", ["South African"], "republic", ["african", "southern african"]),
        new("Angola", ["Angolan"], "republic", ["african", "southern african"]),
        new("Zimbabwe", ["Zimbabwean"], "republic", ["african", "southern african"]),
        new("Moldova", ["Moldovan"], "republic", ["european", "eastern european"]),
        new("Romania", ["Romanian"], "", ["european", "eastern european"]),
        new("Hungary", ["Hungarian"], "", ["european"]),
        new("Austria", ["Austrian"], "republic", ["european", "alpine"]),
        new("Italy", ["Italian"], "republic", ["european", "mediterranean"]),
        new("Spain", ["Spanish"], "kingdom", ["european", "mediterranean"]),
        new("the Netherlands", ["Dutch"], "kingdom", ["european"]),
        new("Belgium", ["Belgian"], "kingdom", ["european"]),
        new("Sweden", ["Swedish"], "kingdom", ["european", "nordic", "scandinavian"]),
        new("Finland", ["Finnish"], "republic", ["european", "nordic"]),
        new("Denmark", ["Danish"], "kingdom", ["european", "nordic", "scandinavian"]),
        new("Bosnia", ["Bosnian"], "", ["european", "balkan"]),
        new("Montenegro", ["Montenegrin"], "republic", ["european", "balkan"]),
        new("Albania", ["Albanian"], "republic", ["european", "balkan"]),
        new("Canada", ["Canadian"], "", ["north american"]),
        new("Mexico", ["Mexican"], "republic", ["latin american", "north american"]),
        new("Brazil", ["Brazilian"], "republic", ["latin american", "south american"]),
        new("Argentina", ["Argentine", "Argentinian"], "republic", ["latin american", "south american"]),
        new("Guyana", ["Guyanese"], "republic", ["latin american", "south american", "caribbean"]),
        new("Nicaragua", ["Nicaraguan"], "republic", ["latin american", "central american"]),
        new("Haiti", ["Haitian"], "republic", ["latin american", "caribbean"], island: true),
        new("Myanmar", ["Burmese"], "", ["asian", "southeast asian"]),
        new("Bangladesh", ["Bangladeshi"], "republic", ["south asian", "asian"]),
        new("Mongolia", ["Mongolian"], "", ["asian", "east asian", "central asian"]),
        new("Australia", ["Australian"], "", ["pacific"], island: true),
    ];

    private static readonly Dictionary<string, List<(string[] Words, State State)>> ByFirstWord = Index();

    private static readonly Dictionary<string, List<(string[] Words, State State)>>.AlternateLookup<ReadOnlySpan<char>> FirstWordLookup =
        ByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a state's name or demonym may start with this word (a cheap test before <see cref="At"/>).</summary>
    public static bool MayStart(ReadOnlySpan<char> word) =>
        FirstWordLookup.ContainsKey(word) || (word.Length > 2 && word[^2] is '\'' or '’' && FirstWordLookup.ContainsKey(word[..^2]));

    private static Dictionary<string, List<(string[] Words, State State)>> Index()
    {
        var index = new Dictionary<string, List<(string[], State)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var state in All)
        {
            var name = state.Name.StartsWith("the ", StringComparison.Ordinal) ? state.Name[4..] : state.Name;
            foreach (var form in state.Demonyms.Prepend(name))
            {
                var words = form.Split(' ');
                if (!index.TryGetValue(words[0], out var list))
                {
                    index[words[0]] = list = [];
                }

                // Longer names first: "South Korea" before "South".
                list.Add((words, state));
                list.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
            }
        }

        return index;
    }

    /// <summary>The state named or described by a demonym at words[start..] ("Saudi Arabia", "Omani"), and how many words it takes.</summary>
    public static (State State, int Length)? At(IReadOnlyList<string> words, int start)
    {
        if (start >= words.Count || !ByFirstWord.TryGetValue(NounPhrase.WithoutPossessive(words[start]), out var candidates))
        {
            return null;
        }

        foreach (var (names, state) in candidates)
        {
            if (start + names.Length > words.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < names.Length && matches; k++)
            {
                var word = k == names.Length - 1 ? NounPhrase.WithoutPossessive(words[start + k]) : words[start + k];
                matches = word.Equals(names[k], StringComparison.OrdinalIgnoreCase);
            }

            if (matches)
            {
                return (state, names.Length);
            }
        }

        return null;
    }

    /// <summary>The state a whole phrase names: "Oman", "the United Arab Emirates"; null otherwise.</summary>
    public static State? Named(string[] words)
    {
        var start = words.Length > 0 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (At(words, start) is not { } found || start + found.Length != words.Length)
        {
            return null;
        }

        // The name itself, not a demonym: "Saudi Arabia('s)" names the state, "Saudi" alone does not.
        var name = found.State.Name.StartsWith("the ", StringComparison.Ordinal) ? found.State.Name[4..] : found.State.Name;
        var written = string.Join(' ', words[start..^1].Append(NounPhrase.WithoutPossessive(words[^1])));
        return written.Equals(name, StringComparison.OrdinalIgnoreCase) ? found.State : null;
    }

    private static readonly WordSet Heads = new("country", "nation", "state", "kingdom", "sultanate", "emirate", "emirates", "republic", "monarchy", "archipelago");

    /// <summary>
    /// Whether "the Gulf state", "the Kingdom", "the Central Asian country", "the island nation" (words after "the",
    /// possessive stripped) describes a state, and if so what a state must be to fit it.
    /// </summary>
    public static Func<State, bool>? Descriptor(string[] words)
    {
        if (words.Length == 0 || words.Length > 4)
        {
            return null;
        }

        var head = NounPhrase.WithoutPossessive(words[^1]).ToLowerInvariant();
        if (!Heads.Contains(head))
        {
            return null;
        }

        var modifiers = string.Join(' ', words[..^1]).ToLowerInvariant();
        var island = modifiers.Contains("island", StringComparison.Ordinal);
        if (island)
        {
            modifiers = modifiers.Replace("island", "", StringComparison.Ordinal).Trim();
        }

        var islamic = modifiers.Contains("islamic", StringComparison.Ordinal);
        if (islamic)
        {
            modifiers = modifiers.Replace("islamic", "", StringComparison.Ordinal).Trim();
        }

        // Region words: "Gulf", "Gulf Arab", "Central Asian", "Horn of Africa" (a form of words, not of names).
        var regions = modifiers.Length == 0 ? [] : modifiers.Replace("gulf arab", "gulf", StringComparison.Ordinal).Split(" and ");
        foreach (var region in regions)
        {
            if (!Array.Exists(All, s => s.Regions.Contains(region)))
            {
                return null;
            }
        }

        return s => (!island || s.IsIsland) && (!islamic || s.Form.StartsWith("islamic", StringComparison.Ordinal))
            && Array.TrueForAll(regions, r => s.Regions.Contains(r))
            && head switch
            {
                "kingdom" or "monarchy" => s.Form == "kingdom",
                "sultanate" => s.Form == "sultanate",
                "emirate" => s.Form == "emirate",
                "emirates" => s.Form == "emirates",
                "republic" => s.Form.EndsWith("republic", StringComparison.Ordinal),
                "archipelago" => s.IsIsland,
                _ => true,
            };
    }
}
