namespace TalksTracker.Domain.Positions;

/// <summary>
/// Names the press uses for parties that are not a state's own name or demonym (those come from
/// <see cref="Catalog.Demonyms"/>): capitals standing for governments, and the usual groups and organisations. So a
/// report can be read before its parties are in the catalogue; the catalogue's aliases are added on top.
/// </summary>
internal static class WorldNames
{
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Moscow"] = "Russia", ["Kremlin"] = "Russia", ["Washington"] = "United States", ["America"] = "United States",
        ["White House"] = "United States", ["United States of America"] = "United States", ["USA"] = "United States",
        ["Tehran"] = "Iran", ["Islamic Republic"] = "Iran", ["Ankara"] = "Turkey", ["Türkiye"] = "Turkey", ["Turkiye"] = "Turkey",
        ["Damascus"] = "Syria", ["Tel Aviv"] = "Israel", ["Jerusalem"] = "Israel", ["Beijing"] = "China",
        ["Kyiv"] = "Ukraine", ["Kiev"] = "Ukraine", ["Riyadh"] = "Saudi Arabia", ["Cairo"] = "Egypt", ["Doha"] = "Qatar",
        ["Beirut"] = "Lebanon", ["Baghdad"] = "Iraq", ["Abu Dhabi"] = "United Arab Emirates", ["UAE"] = "United Arab Emirates",
        ["Amman"] = "Jordan", ["Islamabad"] = "Pakistan", ["New Delhi"] = "India", ["Delhi"] = "India",
        ["Pyongyang"] = "North Korea", ["Seoul"] = "South Korea", ["Tokyo"] = "Japan", ["London"] = "United Kingdom",
        ["Britain"] = "United Kingdom", ["Great Britain"] = "United Kingdom", ["Paris"] = "France", ["Berlin"] = "Germany",
        ["Baku"] = "Azerbaijan", ["Yerevan"] = "Armenia", ["Khartoum"] = "Sudan", ["Sanaa"] = "Yemen", ["Kabul"] = "Afghanistan",
        ["Muscat"] = "Oman", ["Tbilisi"] = "Georgia", ["Minsk"] = "Belarus", ["Caracas"] = "Venezuela", ["Havana"] = "Cuba",
        ["Addis Ababa"] = "Ethiopia", ["Asmara"] = "Eritrea", ["Nairobi"] = "Kenya", ["Rabat"] = "Morocco", ["Algiers"] = "Algeria",
        ["Tripoli"] = "Libya", ["Kinshasa"] = "DR Congo", ["Kigali"] = "Rwanda", ["Manama"] = "Bahrain",
        ["Kuwait City"] = "Kuwait", ["Belgrade"] = "Serbia", ["Pristina"] = "Kosovo", ["Chisinau"] = "Moldova",
        ["Brussels"] = "European Union", ["EU"] = "European Union", ["European Union"] = "European Union",
        ["NATO"] = "NATO", ["United Nations"] = "United Nations", ["UN"] = "United Nations", ["U.N."] = "United Nations",
        ["African Union"] = "African Union", ["Arab League"] = "Arab League", ["Hamas"] = "Hamas", ["Hezbollah"] = "Hezbollah",
        ["Hizbollah"] = "Hezbollah", ["Houthis"] = "Houthis", ["Houthi"] = "Houthis", ["Ansar Allah"] = "Houthis",
        ["Taliban"] = "Taliban", ["Palestinian Authority"] = "Palestinian Authority", ["PA"] = "Palestinian Authority",
        ["PLO"] = "Palestine Liberation Organization", ["Fatah"] = "Fatah", ["Islamic Jihad"] = "Islamic Jihad",
        ["SDF"] = "Syrian Democratic Forces", ["Syrian Democratic Forces"] = "Syrian Democratic Forces", ["PKK"] = "PKK",
        ["Kurdistan Regional Government"] = "Kurdistan Regional Government", ["KRG"] = "Kurdistan Regional Government",
        ["RSF"] = "Rapid Support Forces", ["Rapid Support Forces"] = "Rapid Support Forces", ["M23"] = "M23",
        ["IAEA"] = "IAEA", ["International Atomic Energy Agency"] = "IAEA", ["SAF"] = "Sudanese Armed Forces",
        ["Sudanese Armed Forces"] = "Sudanese Armed Forces", ["Polisario"] = "Polisario Front", ["Polisario Front"] = "Polisario Front",
        ["Huthis"] = "Houthis", ["Huthi"] = "Houthis", ["Kataib Hezbollah"] = "Kataib Hezbollah", ["Kata'ib Hezbollah"] = "Kataib Hezbollah",
        ["Quad"] = "Quad", ["Manila"] = "Philippines", ["Hanoi"] = "Vietnam", ["Jakarta"] = "Indonesia", ["Bangkok"] = "Thailand",
        ["Kathmandu"] = "Nepal", ["Dhaka"] = "Bangladesh", ["Colombo"] = "Sri Lanka", ["Naypyidaw"] = "Myanmar", ["Taipei"] = "Taiwan",
        ["Canberra"] = "Australia", ["Ottawa"] = "Canada", ["Rome"] = "Italy", ["Madrid"] = "Spain", ["Warsaw"] = "Poland",
        ["Budapest"] = "Hungary", ["Vienna"] = "Austria", ["Athens"] = "Greece", ["Nicosia"] = "Cyprus", ["Tunis"] = "Tunisia",
        ["Mogadishu"] = "Somalia", ["Juba"] = "South Sudan", ["Djibouti"] = "Djibouti", ["Bamako"] = "Mali", ["Niamey"] = "Niger",
        ["Abuja"] = "Nigeria", ["Kampala"] = "Uganda", ["Pretoria"] = "South Africa", ["Luanda"] = "Angola", ["Tashkent"] = "Uzbekistan",
        // A state whose formal name is long is reported by its short common name, as the press and editors write it.
        ["Democratic Republic of the Congo"] = "DR Congo", ["DRC"] = "DR Congo", ["DR Congo"] = "DR Congo",
        ["Georgetown"] = "Guyana", ["Phnom Penh"] = "Cambodia", ["Kuala Lumpur"] = "Malaysia", ["Vientiane"] = "Laos", ["Ulaanbaatar"] = "Mongolia",
        ["Bishkek"] = "Kyrgyzstan", ["Ashgabat"] = "Turkmenistan", ["Podgorica"] = "Montenegro", ["Skopje"] = "North Macedonia", ["Sarajevo"] = "Bosnia and Herzegovina",
        ["Zagreb"] = "Croatia", ["Tirana"] = "Albania", ["Sofia"] = "Bulgaria", ["Bucharest"] = "Romania", ["Prague"] = "Czech Republic",
        ["Bratislava"] = "Slovakia", ["Vilnius"] = "Lithuania", ["Riga"] = "Latvia", ["Tallinn"] = "Estonia", ["Helsinki"] = "Finland",
        ["Stockholm"] = "Sweden", ["Oslo"] = "Norway", ["Copenhagen"] = "Denmark", ["Lisbon"] = "Portugal", ["Dublin"] = "Ireland",
        ["Nouakchott"] = "Mauritania", ["Dakar"] = "Senegal", ["Accra"] = "Ghana", ["Ouagadougou"] = "Burkina Faso", ["N'Djamena"] = "Chad",
        ["Bangui"] = "Central African Republic", ["Yaounde"] = "Cameroon", ["Bujumbura"] = "Burundi", ["Dodoma"] = "Tanzania", ["Lusaka"] = "Zambia",
        ["Harare"] = "Zimbabwe", ["Maputo"] = "Mozambique", ["Lima"] = "Peru", ["Quito"] = "Ecuador", ["Buenos Aires"] = "Argentina",
        ["Montevideo"] = "Uruguay", ["Mexico City"] = "Mexico", ["Managua"] = "Nicaragua", ["Port-au-Prince"] = "Haiti", ["Wellington"] = "New Zealand",
        ["Thimphu"] = "Bhutan",
        ["Libyan National Army"] = "Libyan National Army", ["LNA"] = "Libyan National Army",
        ["Astana"] = "Kazakhstan", ["Dushanbe"] = "Tajikistan", ["Bogota"] = "Colombia", ["Brasilia"] = "Brazil",
    };
}
