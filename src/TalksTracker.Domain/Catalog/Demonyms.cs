namespace TalksTracker.Domain.Catalog;

/// <summary>
/// The adjectives reports use for states and peoples ("a senior Israeli official", "Turkish
/// diplomats"), with the state each points to: how a source's affiliation is read from its name.
/// </summary>
public static class Demonyms
{
    private static readonly Dictionary<string, string> States = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Afghan"] = "Afghanistan", ["Albanian"] = "Albania", ["Algerian"] = "Algeria", ["American"] = "United States",
        ["Angolan"] = "Angola", ["Argentine"] = "Argentina", ["Armenian"] = "Armenia", ["Australian"] = "Australia",
        ["Austrian"] = "Austria", ["Azerbaijani"] = "Azerbaijan", ["Azeri"] = "Azerbaijan", ["Bahraini"] = "Bahrain",
        ["Bangladeshi"] = "Bangladesh", ["Belarusian"] = "Belarus", ["Belgian"] = "Belgium", ["Bosnian"] = "Bosnia and Herzegovina",
        ["Brazilian"] = "Brazil", ["British"] = "United Kingdom", ["Bulgarian"] = "Bulgaria", ["Burundian"] = "Burundi",
        ["Cambodian"] = "Cambodia", ["Cameroonian"] = "Cameroon", ["Canadian"] = "Canada", ["Chadian"] = "Chad",
        ["Chilean"] = "Chile", ["Chinese"] = "China", ["Colombian"] = "Colombia", ["Congolese"] = "Democratic Republic of the Congo",
        ["Croatian"] = "Croatia", ["Cuban"] = "Cuba", ["Cypriot"] = "Cyprus", ["Czech"] = "Czech Republic",
        ["Danish"] = "Denmark", ["Djiboutian"] = "Djibouti", ["Dutch"] = "Netherlands", ["Ecuadorian"] = "Ecuador",
        ["Egyptian"] = "Egypt", ["Emirati"] = "United Arab Emirates", ["Eritrean"] = "Eritrea", ["Estonian"] = "Estonia",
        ["Ethiopian"] = "Ethiopia", ["European"] = "European Union", ["Finnish"] = "Finland", ["French"] = "France",
        ["Georgian"] = "Georgia", ["German"] = "Germany", ["Ghanaian"] = "Ghana", ["Greek"] = "Greece",
        ["Guyanese"] = "Guyana", ["Haitian"] = "Haiti", ["Hungarian"] = "Hungary", ["Indian"] = "India",
        ["Indonesian"] = "Indonesia", ["Iranian"] = "Iran", ["Iraqi"] = "Iraq", ["Irish"] = "Ireland",
        ["Israeli"] = "Israel", ["Italian"] = "Italy", ["Japanese"] = "Japan", ["Jordanian"] = "Jordan",
        ["Kazakh"] = "Kazakhstan", ["Kenyan"] = "Kenya", ["Kosovar"] = "Kosovo", ["Kuwaiti"] = "Kuwait",
        ["Kyrgyz"] = "Kyrgyzstan", ["Latvian"] = "Latvia", ["Lebanese"] = "Lebanon", ["Libyan"] = "Libya",
        ["Lithuanian"] = "Lithuania", ["Malaysian"] = "Malaysia", ["Malian"] = "Mali", ["Mauritanian"] = "Mauritania",
        ["Mexican"] = "Mexico", ["Moldovan"] = "Moldova", ["Mongolian"] = "Mongolia", ["Montenegrin"] = "Montenegro",
        ["Moroccan"] = "Morocco", ["Mozambican"] = "Mozambique", ["Myanmar"] = "Myanmar", ["Burmese"] = "Myanmar",
        ["Nepali"] = "Nepal", ["Nicaraguan"] = "Nicaragua", ["Nigerian"] = "Nigeria", ["Nigerien"] = "Niger",
        ["Norwegian"] = "Norway", ["Omani"] = "Oman", ["Pakistani"] = "Pakistan", ["Palestinian"] = "Palestine",
        ["Panamanian"] = "Panama", ["Peruvian"] = "Peru", ["Filipino"] = "Philippines", ["Philippine"] = "Philippines",
        ["Polish"] = "Poland", ["Portuguese"] = "Portugal", ["Qatari"] = "Qatar", ["Romanian"] = "Romania",
        ["Russian"] = "Russia", ["Rwandan"] = "Rwanda", ["Saudi"] = "Saudi Arabia", ["Senegalese"] = "Senegal",
        ["Serbian"] = "Serbia", ["Serb"] = "Serbia", ["Singaporean"] = "Singapore", ["Slovak"] = "Slovakia",
        ["Slovenian"] = "Slovenia", ["Somali"] = "Somalia", ["Spanish"] = "Spain", ["Sri Lankan"] = "Sri Lanka",
        ["Sudanese"] = "Sudan", ["Swedish"] = "Sweden", ["Swiss"] = "Switzerland", ["Syrian"] = "Syria",
        ["Taiwanese"] = "Taiwan", ["Tajik"] = "Tajikistan", ["Tanzanian"] = "Tanzania", ["Thai"] = "Thailand",
        ["Tunisian"] = "Tunisia", ["Turkish"] = "Turkey", ["Turkmen"] = "Turkmenistan", ["Ugandan"] = "Uganda",
        ["Ukrainian"] = "Ukraine", ["Uruguayan"] = "Uruguay", ["Uzbek"] = "Uzbekistan", ["Venezuelan"] = "Venezuela",
        ["Vietnamese"] = "Vietnam", ["Yemeni"] = "Yemen", ["Zambian"] = "Zambia", ["Zimbabwean"] = "Zimbabwe",
        ["North Korean"] = "North Korea", ["South Korean"] = "South Korea", ["South Sudanese"] = "South Sudan",
        ["South African"] = "South Africa", ["New Zealand"] = "New Zealand", ["Sri Lanka"] = "Sri Lanka",
        // The rest of the world's states, so that no report's parties depend on which region earlier reports were about.
        ["Andorran"] = "Andorra", ["Antiguan"] = "Antigua and Barbuda", ["Argentinian"] = "Argentina", ["Bahamian"] = "Bahamas",
        ["Barbadian"] = "Barbados", ["Belarussian"] = "Belarus", ["Belizean"] = "Belize", ["Beninese"] = "Benin",
        ["Bhutanese"] = "Bhutan", ["Bolivian"] = "Bolivia", ["Botswanan"] = "Botswana", ["Bruneian"] = "Brunei",
        ["Burkinabe"] = "Burkina Faso", ["Burkinabè"] = "Burkina Faso", ["Cape Verdean"] = "Cape Verde",
        ["Central African"] = "Central African Republic", ["Comorian"] = "Comoros", ["Costa Rican"] = "Costa Rica",
        ["Ivorian"] = "Ivory Coast", ["Dominican"] = "Dominican Republic", ["Timorese"] = "East Timor", ["Salvadoran"] = "El Salvador",
        ["Equatorial Guinean"] = "Equatorial Guinea", ["Swazi"] = "Eswatini", ["Fijian"] = "Fiji", ["Gabonese"] = "Gabon",
        ["Gambian"] = "Gambia", ["Grenadian"] = "Grenada", ["Guatemalan"] = "Guatemala", ["Guinean"] = "Guinea",
        ["Bissau-Guinean"] = "Guinea-Bissau", ["Honduran"] = "Honduras", ["Icelandic"] = "Iceland", ["Jamaican"] = "Jamaica",
        ["Kazakhstani"] = "Kazakhstan", ["Kosovan"] = "Kosovo", ["Kyrgyzstani"] = "Kyrgyzstan", ["Lao"] = "Laos", ["Laotian"] = "Laos",
        ["Liberian"] = "Liberia", ["Liechtensteiner"] = "Liechtenstein", ["Luxembourgish"] = "Luxembourg", ["Malagasy"] = "Madagascar",
        ["Malawian"] = "Malawi", ["Maldivian"] = "Maldives", ["Maltese"] = "Malta", ["Mauritian"] = "Mauritius",
        ["Monegasque"] = "Monaco", ["Namibian"] = "Namibia", ["Nepalese"] = "Nepal", ["North Macedonian"] = "North Macedonia",
        ["Macedonian"] = "North Macedonia", ["Papua New Guinean"] = "Papua New Guinea", ["Paraguayan"] = "Paraguay",
        ["Samoan"] = "Samoa", ["Seychellois"] = "Seychelles", ["Sierra Leonean"] = "Sierra Leone", ["Slovene"] = "Slovenia",
        ["Surinamese"] = "Suriname", ["Tajikistani"] = "Tajikistan", ["Togolese"] = "Togo", ["Tongan"] = "Tonga",
        ["Trinidadian"] = "Trinidad and Tobago", ["Uzbekistani"] = "Uzbekistan", ["Vanuatuan"] = "Vanuatu",
        // States whose usual demonym is their name: listed by name so they are states all the same.
        ["Antigua and Barbuda"] = "Antigua and Barbuda", ["Kiribati"] = "Kiribati", ["Lesotho"] = "Lesotho",
        ["Marshall Islands"] = "Marshall Islands", ["Micronesia"] = "Micronesia", ["Nauru"] = "Nauru", ["Palau"] = "Palau",
        ["San Marino"] = "San Marino", ["Sao Tome and Principe"] = "Sao Tome and Principe", ["Solomon Islands"] = "Solomon Islands",
        ["Saint Lucia"] = "Saint Lucia", ["Saint Kitts and Nevis"] = "Saint Kitts and Nevis", ["Dominica"] = "Dominica",
        ["Saint Vincent and the Grenadines"] = "Saint Vincent and the Grenadines", ["Tuvalu"] = "Tuvalu",
        ["Republic of the Congo"] = "Republic of the Congo",
        ["U.S."] = "United States", ["US"] = "United States", ["U.K."] = "United Kingdom", ["UK"] = "United Kingdom",
    };

    // Seats of government that stand for their state in reports; not adjectives, so not offered as one.
    private static readonly Dictionary<string, string> StandIns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Kremlin"] = "Russia", ["Pentagon"] = "United States", ["State Department"] = "United States", ["Vatican"] = "Holy See",
    };

    // States' other names, as catalogues and reports write them: names, not adjectives, so not offered as demonyms.
    private static readonly Dictionary<string, string> OtherNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DR Congo"] = "Democratic Republic of the Congo", ["DRC"] = "Democratic Republic of the Congo",
        ["Democratic Republic of Congo"] = "Democratic Republic of the Congo", ["Congo-Kinshasa"] = "Democratic Republic of the Congo",
        ["Congo-Brazzaville"] = "Republic of the Congo", ["Côte d'Ivoire"] = "Ivory Coast", ["Cote d'Ivoire"] = "Ivory Coast",
        ["Côte d’Ivoire"] = "Ivory Coast", ["Türkiye"] = "Turkey", ["Turkiye"] = "Turkey", ["Timor-Leste"] = "East Timor",
        ["Czechia"] = "Czech Republic", ["Cabo Verde"] = "Cape Verde", ["Burma"] = "Myanmar", ["Swaziland"] = "Eswatini",
        ["Viet Nam"] = "Vietnam", ["Republic of Korea"] = "South Korea", ["DPRK"] = "North Korea", ["PRC"] = "China",
        ["People's Republic of China"] = "China", ["Russian Federation"] = "Russia", ["Islamic Republic of Iran"] = "Iran",
        ["Bosnia"] = "Bosnia and Herzegovina", ["BiH"] = "Bosnia and Herzegovina", ["Holland"] = "Netherlands",
    };

    private static readonly ILookup<string, string> ByState = States
        .Where(kv => !kv.Key.Contains('.') && !kv.Key.All(char.IsUpper) && !kv.Key.Equals(kv.Value, StringComparison.OrdinalIgnoreCase))
        .ToLookup(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every state the demonyms point to, by its short common name ("Israel", "United States").</summary>
    public static IEnumerable<string> StateNames => States.Values.Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The state a demonym, or a name standing for one ("Kremlin", "DR Congo"), points to; null when it is none.</summary>
    public static string? StateOf(string word) =>
        States.GetValueOrDefault(word) ?? StandIns.GetValueOrDefault(word) ?? OtherNames.GetValueOrDefault(word);

    /// <summary>
    /// The adjectives and their plurals naming a state's people ("Russian", "Russians"; "Chinese" has no plural):
    /// abbreviations and names that are the state's own are left out.
    /// </summary>
    public static IEnumerable<string> Of(string state) =>
        ByState[state].SelectMany(d => HasPlural(d) ? new[] { d, d + "s" } : [d]);

    // English adjectives of nationality in -ese, -ish, -ch and -ss are their own plural ("the Chinese", "the Swiss").
    private static bool HasPlural(string demonym) =>
        !demonym.Contains(' ') && !(demonym.EndsWith("ese", StringComparison.Ordinal) || demonym.EndsWith("ish", StringComparison.Ordinal)
            || demonym.EndsWith("ch", StringComparison.Ordinal) || demonym.EndsWith("ss", StringComparison.Ordinal));
}
