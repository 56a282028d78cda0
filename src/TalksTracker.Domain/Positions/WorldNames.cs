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
        // The other capitals and seats of government, and the usual short names of states and blocs, so a report on
        // any region reads the same; accented spellings are folded by the finder.
        ["Porto-Novo"] = "Benin", ["Cotonou"] = "Benin", ["Gitega"] = "Burundi", ["Yaounde"] = "Cameroon", ["Lome"] = "Togo",
        ["Conakry"] = "Guinea", ["Bissau"] = "Guinea-Bissau", ["Banjul"] = "Gambia", ["Freetown"] = "Sierra Leone",
        ["Monrovia"] = "Liberia", ["Yamoussoukro"] = "Ivory Coast", ["Abidjan"] = "Ivory Coast", ["Libreville"] = "Gabon",
        ["Malabo"] = "Equatorial Guinea", ["Brazzaville"] = "Republic of the Congo", ["Windhoek"] = "Namibia", ["Gaborone"] = "Botswana",
        ["Maseru"] = "Lesotho", ["Mbabane"] = "Eswatini", ["Lilongwe"] = "Malawi", ["Antananarivo"] = "Madagascar",
        ["Port Louis"] = "Mauritius", ["Moroni"] = "Comoros", ["Praia"] = "Cape Verde", ["Hargeisa"] = "Somaliland",
        ["Naypyitaw"] = "Myanmar", ["Nay Pyi Taw"] = "Myanmar", ["Yangon"] = "Myanmar", ["Dili"] = "East Timor",
        ["Bandar Seri Begawan"] = "Brunei", ["Port Moresby"] = "Papua New Guinea", ["Suva"] = "Fiji", ["Honiara"] = "Solomon Islands",
        ["Port Vila"] = "Vanuatu", ["Apia"] = "Samoa", ["Tegucigalpa"] = "Honduras", ["Guatemala City"] = "Guatemala",
        ["San Salvador"] = "El Salvador", ["San Jose"] = "Costa Rica", ["Panama City"] = "Panama", ["Santo Domingo"] = "Dominican Republic",
        ["Kingston"] = "Jamaica", ["Nassau"] = "Bahamas", ["Port of Spain"] = "Trinidad and Tobago", ["Paramaribo"] = "Suriname",
        ["La Paz"] = "Bolivia", ["Asuncion"] = "Paraguay", ["Santiago"] = "Chile", ["Reykjavik"] = "Iceland", ["Valletta"] = "Malta",
        ["The Hague"] = "Netherlands", ["Amsterdam"] = "Netherlands", ["Bern"] = "Switzerland", ["Ljubljana"] = "Slovenia",
        ["DPRK"] = "North Korea", ["Democratic People's Republic of Korea"] = "North Korea", ["Republic of Korea"] = "South Korea",
        ["ROK"] = "South Korea", ["PRC"] = "China", ["People's Republic of China"] = "China", ["Burma"] = "Myanmar",
        ["Czechia"] = "Czech Republic", ["Holland"] = "Netherlands", ["Cote d'Ivoire"] = "Ivory Coast", ["Timor-Leste"] = "East Timor",
        ["Swaziland"] = "Eswatini", ["Republic of Cyprus"] = "Cyprus", ["Holy See"] = "Holy See",
        ["ECOWAS"] = "ECOWAS", ["Economic Community of West African States"] = "ECOWAS", ["ASEAN"] = "ASEAN", ["OSCE"] = "OSCE",
        ["GCC"] = "Gulf Cooperation Council", ["Gulf Cooperation Council"] = "Gulf Cooperation Council", ["IGAD"] = "IGAD",
        ["SADC"] = "SADC", ["EAC"] = "East African Community", ["East African Community"] = "East African Community",
        ["CSTO"] = "CSTO", ["SCO"] = "Shanghai Cooperation Organisation", ["OAS"] = "Organization of American States",
        ["Organization of American States"] = "Organization of American States", ["OIC"] = "Organisation of Islamic Cooperation",
        ["Libyan National Army"] = "Libyan National Army", ["LNA"] = "Libyan National Army",
        ["Astana"] = "Kazakhstan", ["Dushanbe"] = "Tajikistan", ["Bogota"] = "Colombia", ["Brasilia"] = "Brazil",
    };
}
