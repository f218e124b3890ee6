namespace Enrichment.Testing.Finding.World;

/// <summary>
/// Names of the world set by culture, written as their bearers write them in Latin script, independent of the
/// finder's tables and of <see cref="NameLists"/>. Lists are short and drawn with a Zipf-like skew (the first
/// listed is the most common) so namesakes happen. Rates are in WorldSet.md.
/// </summary>
internal static class WorldNames
{
    private static string[] L(string s) => s.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Cultures and their share of companies (rough share of B2B contacts, with a long tail kept visible).</summary>
    public static readonly (string Code, double Weight)[] Cultures =
    [
        ("en", 16), ("ie", 2), ("de", 6), ("nl", 3), ("nordic", 3), ("fr", 4), ("it", 3), ("es", 4), ("mx", 3), ("pt", 2),
        ("br", 4), ("ph", 2), ("pl", 2), ("cs", 1.5), ("ru", 3), ("ua", 1.5), ("gr", 1.5), ("tr", 2), ("he", 1.5), ("ar", 3),
        ("fa", 1.5), ("in", 6), ("zh", 5), ("tw", 1.5), ("hk", 2), ("ko", 3), ("ja", 3), ("vi", 3), ("th", 2), ("id", 1.5),
        ("ng", 2), ("hu", 1.5),
    ];

    private static readonly Dictionary<string, (string[] Given, string[] Family)> Lists = new()
    {
        ["en"] = (L("James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Christopher|Mary|Patricia|Jennifer|Linda|Elizabeth|Susan|Margaret|Sarah|Katherine|Emily|Andrew|Steven|Nicholas|Rebecca|Victoria|Samuel|Benjamin|Olivia|Ashley|Brandon"),
            L("Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Wilson|Taylor|Anderson|Thomas|Moore|White|Harris|Clark|Lewis|Walker|Hall|Young|Wright|Hughes|Cooper|Ward|Morgan|Bell|Reed|Price|Bennett|Foster")),
        ["ie"] = (L("Seán|Siobhán|Niamh|Aoife|Ciarán|Pádraig|Eoin|Caoimhe|Declan|Aisling|Conor|Róisín|Fergus|Ailsa|Hamish|Eilidh|Callum|Mairi"),
            L("O'Brien|Murphy|Kelly|O'Sullivan|Walsh|McDonald|MacLeod|O'Connor|McCarthy|Byrne|O'Neill|MacDonald|McKenzie|Ó Súilleabháin|Mac Giolla Phádraig|O'Reilly|Fitzgerald|McLaughlin|Campbell|Fraser")),
        ["de"] = (L("Jürgen|Thomas|Stefan|Günther|Jörg|Uwe|Sabine|Ursula|Björn|Käthe|Andreas|Katrin|Lena|Lukas|Maximilian|Sönke|Bärbel|Dörte|Hans-Jürgen|Karl-Heinz|Klaus|Heike|Tobias|Jens"),
            L("Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Schäfer|Koch|Becker|Schröder|Krüger|Hoffmann|Köhler|Groß|Weiß|Jäger|Böhm|Lößner|Günther|Vogel|Bräuer|Müller-Wohlfahrt|Schulze-Böing|von Bülow|von der Heide|zu Guttenberg")),
        ["nl"] = (L("Jan|Pieter|Johannes|Willem|Sanne|Femke|Bram|Daan|Thijs|Maarten|Eline|Joost|Marieke|Ruud|Gert-Jan|Jan-Willem|Inge|Wouter"),
            L("de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|van der Meer|van der Linden|ter Horst|Dekker|van Leeuwen|Brouwer|van 't Hof|Kuipers")),
        ["nordic"] = (L("Søren|Bjørn|Åsa|Lars|Mette|Jørgen|Kåre|Øystein|Ingrid|Sven|Magnus|Nils|Håkan|Sigrún|Ólafur|Ævar|Linnéa|Maja|Per-Olof|Anna-Karin"),
            L("Andersson|Johansson|Hansen|Jensen|Nielsen|Sørensen|Ødegård|Kristiansen|Strøm|Åberg|Söderberg|Löfgren|Bjørnstad|Ekström|Håkansson|Jónsdóttir|Þórsson|Guðmundsson|Næss|Lindqvist")),
        ["fr"] = (L("Jean|Pierre|François|Hélène|Jérôme|Stéphane|Céline|Frédéric|Loïc|Anaïs|Léa|Chloé|Mathieu|Julien|Élodie|Sébastien|Benoît|Maëlle|Jean-Pierre|Marie-Claire|Jean-Baptiste|Anne-Sophie"),
            L("Martin|Bernard|Dubois|Durand|Lefèvre|Moreau|Laurent|Girard|Roux|Fournier|Mercier|Guérin|Chevalier|Le Gall|Le Roux|de La Fontaine|Dupont|d'Arcy|Ménard|Bénard|Saint-Exupéry|de Villepin")),
        ["it"] = (L("Giuseppe|Giovanni|Francesco|Alessandro|Lorenzo|Matteo|Giulia|Chiara|Francesca|Sara|Federica|Niccolò|Salvatore|Vincenzo|Gian Luca|Maria Grazia|Pier Paolo|Anna Maria"),
            L("Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|De Luca|D'Angelo|Di Stefano|Lo Bianco|Della Valle|Mancini|Conti|De Santis|Greco|Bruno|D'Amico|Fontana")),
        ["es"] = (L("José|Antonio|Manuel|Francisco|David|Javier|María|Carmen|Lucía|Laura|Sofía|Álvaro|Iñaki|Begoña|Nuria|Rocío|José Luis|María José|Juan Carlos|Miguel Ángel|Ana Belén|María del Mar"),
            L("García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Jiménez|Ruiz|Hernández|Díaz|Moreno|Muñoz|Álvarez|Ibáñez|Núñez|Gutiérrez|Ortega|Castaño|Echeverría")),
        ["mx"] = (L("José|Juan|Luis|Carlos|Jorge|Miguel|Guadalupe|María|Verónica|Alejandra|Ximena|Juan Pablo|María Fernanda|José Manuel|Luis Fernando|Ana Sofía|Jesús|Francisco"),
            L("Hernández|García|Martínez|López|González|Pérez|Rodríguez|Sánchez|Ramírez|Cruz|Flores|Gómez|Morales|Vázquez|Reyes|Castañeda|Zúñiga|Peña|de la Cruz|de los Santos|Villaseñor")),
        ["pt"] = (L("João|José|António|Francisco|Luís|Ana|Maria|Inês|Gonçalo|Tomás|Beatriz|Mariana|Rui|Nuno|Ana Rita|João Miguel|Maria João|Pedro Miguel"),
            L("Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins|Sousa|Fernandes|Gonçalves|Gomes|Lopes|Marques|Magalhães|Araújo|dos Santos|da Silva|de Sousa|Conceição")),
        ["br"] = (L("Lucas|Gabriel|Rafael|Matheus|Pedro|Gustavo|Felipe|Thiago|Ana|Juliana|Fernanda|Camila|Letícia|Bruna|João Pedro|Ana Clara|Maria Eduarda|Pedro Henrique|Luiz Felipe|Ana Júlia|João Vítor"),
            L("Silva|Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|Pereira|Lima|Gomes|Costa|Ribeiro|Martins|Carvalho|Almeida|Nascimento|Araújo|Cavalcanti|dos Santos|da Silva|de Oliveira|de Souza")),
        ["ph"] = (L("Jose|Juan|Mark|John Paul|Maria Cristina|Mary Grace|Ma. Theresa|Jerome|Rodel|Arnel|Jocelyn|Rowena|Marites|Jan Michael|Kristine Joy"),
            L("Santos|Reyes|Cruz|Bautista|Garcia|Mendoza|Ramos|Aquino|dela Cruz|De Leon|Villanueva|Castillo|Manalo|Macapagal|de los Reyes|Dimaculangan")),
        ["pl"] = (L("Łukasz|Małgorzata|Krzysztof|Paweł|Michał|Piotr|Tomasz|Agnieszka|Katarzyna|Wojciech|Grzegorz|Zofia|Jędrzej|Bartłomiej|Dorota|Żaneta"),
            L("Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński|Szymański|Woźniak|Dąbrowski|Kozłowski|Jabłoński|Wróbel|Żak|Gołębiowski|Nowak-Jeziorańska")),
        ["cs"] = (L("Jiří|Jan|Petr|Tomáš|Kateřina|Lucie|Tereza|Zdeněk|Věra|Ondřej|Radek|Jaroslav|Přemysl"),
            L("Novák|Svoboda|Novotný|Dvořák|Černý|Procházka|Kučera|Veselý|Horák|Němec|Pospíšil|Růžička|Šťastný|Hrubý")),
        ["ru"] = (L("Aleksandr|Dmitry|Sergey|Andrey|Alexey|Maxim|Ivan|Mikhail|Natalia|Elena|Olga|Tatiana|Ekaterina|Anastasia|Yulia|Vladimir|Yevgeny|Svetlana"),
            L("Ivanov|Smirnov|Kuznetsov|Popov|Vasilyev|Petrov|Sokolov|Mikhailov|Novikov|Fedorov|Morozov|Volkov|Ivanova|Smirnova|Petrova|Kozlova|Lebedev|Solovyov")),
        ["ua"] = (L("Oleksandr|Andriy|Serhiy|Volodymyr|Yuriy|Mykola|Olena|Oksana|Iryna|Nataliya|Tetiana|Dmytro|Kateryna|Bohdan"),
            L("Melnyk|Shevchenko|Kovalenko|Bondarenko|Tkachenko|Kravchenko|Oliynyk|Shevchuk|Koval|Polishchuk|Bondar|Tkachuk|Marchenko|Lysenko")),
        ["gr"] = (L("Georgios|Dimitrios|Konstantinos|Ioannis|Nikolaos|Panagiotis|Maria|Eleni|Aikaterini|Sofia|Vasiliki|Christos|Athanasios|Evangelos"),
            L("Papadopoulos|Papadakis|Georgiou|Nikolaidis|Karagiannis|Vlachos|Oikonomou|Papageorgiou|Dimitriou|Makris|Antoniou|Alexopoulou|Christodoulou|Konstantinidis")),
        ["tr"] = (L("Mehmet|Mustafa|Ahmet|Ali|Hüseyin|İbrahim|Fatma|Ayşe|Emine|Zeynep|Çağlar|Işıl|Gökhan|Özlem|Şule|Burak|Tuğba|Ömer"),
            L("Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|Çetin|Koç|Şimşek|Güneş|Erdoğan")),
        ["he"] = (L("Yosef|David|Moshe|Avraham|Yael|Noa|Tamar|Shira|Itai|Omer|Eyal|Ronit|Yitzhak|Michal"),
            L("Cohen|Levi|Mizrahi|Peretz|Biton|Friedman|Ben-David|Bar-On|Ben-Ami|Avraham|Shapiro|Katz|Azoulay|Ben-Haim")),
        ["ar"] = (L("Mohammed|Ahmed|Ali|Omar|Khalid|Youssef|Fatima|Aisha|Mariam|Hassan|Abdullah|Abd al-Rahman|Abdul Aziz|Nour|Layla|Tariq|Mustafa"),
            L("Al-Sayed|Al Saud|El-Masri|Haddad|Khoury|Nasser|Hamdan|Al-Khalifa|Abdel Aziz|Al-Farsi|Mansour|Saleh|Al-Hashimi|Ibrahim|El Amrani|Bin Mahfouz")),
        ["fa"] = (L("Mohammad|Ali|Reza|Hossein|Zahra|Fatemeh|Maryam|Mohammad-Reza|Amir-Hossein|Seyed Ali|Mehdi|Parisa|Shirin|Arash|Dariush|Niloufar"),
            L("Hosseini|Ahmadi|Mohammadi|Rezaei|Karimi|Moradi|Jafari|Tehrani|Ghorbani|Shirazi|Hashemi|Mousavi|Sadeghi|Rahimi|Najafabadi|Zadeh")),
        ["in"] = (L("Rahul|Priya|Amit|Anjali|Vikram|Sunita|Rajesh|Deepak|Pooja|Arjun|Sanjay|Neha|Ravi|Kavita|Suresh|Ramesh|Lakshmi|Venkatesh|Srinivas|Aishwarya|Karthik|Prakash"),
            L("Kumar|Sharma|Singh|Patel|Gupta|Reddy|Rao|Iyer|Nair|Shah|Joshi|Menon|Mehta|Chatterjee|Banerjee|Krishnan|Subramanian|Venkataraman|Pillai|Desai|Agarwal|Bhattacharya")),
        ["zh"] = (L("Wei|Fang|Min|Jing|Lei|Jun|Yan|Tao|Xiao Ming|Zhi Wei|Jia Hui|Yu Xuan|Hao Ran|Xin Yi|Zi Han|Jian Guo|Li Na|Mei Ling"),
            L("Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|He|Lin|Gao|Luo|Zheng|Liang|Xie|Song")),
        ["tw"] = (L("Chih Wei|Hsiao Ming|Ya Ting|Chia Hao|Shu Fen|Mei Hua|Kuan Yu|Yi Chen|Tsung Han|Pei Shan"),
            L("Chen|Lin|Huang|Chang|Lee|Wang|Wu|Liu|Tsai|Yang|Hsu|Cheng|Hsieh|Kuo")),
        ["hk"] = (L("Tai Man|Ka Ming|Siu Wai|Wing Yan|Chi Keung|Mei Ling|Ka Yan|Wai Kit|Hoi Yan|Kwok Wing"),
            L("Chan|Wong|Lee|Cheung|Lau|Leung|Ng|Cheng|Ho|Tsang|Chow|Yeung|Kwok|Lam|Tse|Chiu")),
        ["ko"] = (L("Min Jun|Seo Yeon|Ji Hoon|Ha Eun|Do Yun|Seo Jun|Ji Woo|Hyun Woo|Su Bin|Ye Jin|Jae Won|Sung Min|Young Ho|Eun Ji"),
            L("Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song")),
        ["ja"] = (L("Hiroshi|Takeshi|Kenji|Yūko|Yūki|Shōta|Kōji|Yōko|Haruto|Sakura|Yui|Daiki|Ryōta|Akiko|Naoki|Tomoko|Shūhei|Kyōko"),
            L("Satō|Suzuki|Takahashi|Tanaka|Watanabe|Itō|Yamamoto|Nakamura|Kobayashi|Katō|Yoshida|Yamada|Sasaki|Saitō|Ōno|Kōno|Ōta|Gotō|Kondō|Endō")),
        ["vi"] = (L("An|Anh|Dũng|Hùng|Minh|Tuấn|Hương|Lan|Linh|Mai|Thảo|Trang|Mỹ Nhi|Bảo Ngọc|Minh Khôi|Gia Huy|Thanh Hà|Quốc Bảo"),
            L("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý")),
        ["th"] = (L("Somchai|Somsak|Sompong|Wichai|Prasert|Malee|Siriporn|Kanya|Nattapong|Kittisak|Pimchanok|Thanawat|Supaporn|Chatchai"),
            L("Saetang|Srisuk|Wongsawat|Chaiyaporn|Suwannarat|Rattanakosin|Kittikachorn|Phongphaew|Thongchai|Sirisombat|Boonyaratglin|Jaidee|Chinawat|Ruangsri")),
        ["id"] = (L("Budi|Sri|Agus|Dewi|Wahyu|Siti|Eko|Bambang|Putri|Rizky|Indah|Joko|Hendra|Yudhoyono"),
            L("Santoso|Wijaya|Susanto|Gunawan|Halim|Saputra|Hidayat|Kusuma|Setiawan|Pratama|Lim|Tanoto")),
        ["ng"] = (L("Oluwaseun|Chukwuemeka|Babatunde|Adaeze|Ngozi|Chinedu|Oluwafemi|Folake|Ifeoma|Emeka|Tunde|Aisha|Ibrahim|Yetunde"),
            L("Adeyemi|Okafor|Okonkwo|Adebayo|Eze|Nwosu|Ogunleye|Balogun|Abubakar|Okeke|Oyelaran|Bello|Obi|Ogunbanjo")),
        ["hu"] = (L("László|István|József|János|Zoltán|Gábor|Ferenc|Mária|Erzsébet|Katalin|Éva|Zsuzsanna|Péter|Balázs|Dóra|Gergő"),
            L("Nagy|Kovács|Tóth|Szabó|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Balogh|Papp|Takács|Juhász|Mészáros|Szűcs")),
    };

    /// <summary>Nicknames people go by in their address (ASCII), by given name.</summary>
    public static readonly Dictionary<string, string[]> Nicknames = new()
    {
        ["Robert"] = ["bob", "rob", "bobby"], ["William"] = ["bill", "will"], ["Richard"] = ["rick", "dick"], ["Michael"] = ["mike"],
        ["Elizabeth"] = ["liz", "beth", "betsy"], ["James"] = ["jim", "jimmy"], ["Joseph"] = ["joe"], ["Thomas"] = ["tom"],
        ["Christopher"] = ["chris"], ["Margaret"] = ["maggie", "peggy"], ["Katherine"] = ["kate", "kathy", "katie"],
        ["Andrew"] = ["andy", "drew"], ["Steven"] = ["steve"], ["Nicholas"] = ["nick"], ["Rebecca"] = ["becky"],
        ["Victoria"] = ["vicky", "tori"], ["Samuel"] = ["sam"], ["Benjamin"] = ["ben"], ["Patricia"] = ["patty", "trish"],
        ["Jennifer"] = ["jenny", "jen"], ["Susan"] = ["sue"], ["David"] = ["dave"], ["John"] = ["jack"],
        ["Aleksandr"] = ["sasha", "alex"], ["Dmitry"] = ["dima"], ["Mikhail"] = ["misha"], ["Ekaterina"] = ["katya"],
        ["Vladimir"] = ["vova"], ["Yevgeny"] = ["zhenya"], ["Oleksandr"] = ["sasha"], ["Francisco"] = ["paco", "pancho"],
        ["José"] = ["pepe"], ["Giuseppe"] = ["beppe", "pino"], ["Konstantinos"] = ["kostas"], ["Georgios"] = ["giorgos"],
        ["Dimitrios"] = ["dimitris"], ["Ioannis"] = ["giannis"], ["Nikolaos"] = ["nikos"], ["Oluwaseun"] = ["seun"],
        ["Babatunde"] = ["tunde"], ["Chukwuemeka"] = ["emeka"], ["Maximilian"] = ["max"], ["Johannes"] = ["hans"],
        ["Małgorzata"] = ["gosia"], ["Katarzyna"] = ["kasia"], ["Alessandro"] = ["alex"], ["Guadalupe"] = ["lupe"],
    };

    /// <summary>English given names Hong Kong and Singapore staff adopt and their addresses use.</summary>
    public static readonly string[] HongKongEnglish = L("Tony|Peter|Michael|Kelvin|Raymond|Vincent|Eric|Alan|Ivy|Cathy|Winnie|Karen|Cherry|Joyce|Jacky|Ken");

    /// <summary>Given-name spellings of one name that Russian/Ukrainian CRMs hold beside the passport's.</summary>
    public static readonly Dictionary<string, string> CrmSpellings = new()
    {
        ["Sergey"] = "Sergei", ["Andrey"] = "Andrei", ["Alexey"] = "Alexei", ["Dmitry"] = "Dmitri", ["Yulia"] = "Julia",
        ["Yevgeny"] = "Evgeny", ["Natalia"] = "Natalya", ["Tatiana"] = "Tatyana", ["Aleksandr"] = "Alexander",
        ["Maxim"] = "Maksim", ["Oleksandr"] = "Alexander", ["Andriy"] = "Andrii", ["Yuriy"] = "Yuri", ["Serhiy"] = "Sergiy",
    };

    /// <summary>Cyrillic spellings (passport transliteration reversed) for the Russian lists.</summary>
    public static readonly Dictionary<string, string> Cyrillic = new()
    {
        ["Aleksandr"] = "Александр", ["Dmitry"] = "Дмитрий", ["Sergey"] = "Сергей", ["Andrey"] = "Андрей", ["Alexey"] = "Алексей",
        ["Maxim"] = "Максим", ["Ivan"] = "Иван", ["Mikhail"] = "Михаил", ["Natalia"] = "Наталья", ["Elena"] = "Елена",
        ["Olga"] = "Ольга", ["Tatiana"] = "Татьяна", ["Ekaterina"] = "Екатерина", ["Anastasia"] = "Анастасия", ["Yulia"] = "Юлия",
        ["Vladimir"] = "Владимир", ["Yevgeny"] = "Евгений", ["Svetlana"] = "Светлана",
        ["Ivanov"] = "Иванов", ["Smirnov"] = "Смирнов", ["Kuznetsov"] = "Кузнецов", ["Popov"] = "Попов", ["Vasilyev"] = "Васильев",
        ["Petrov"] = "Петров", ["Sokolov"] = "Соколов", ["Mikhailov"] = "Михайлов", ["Novikov"] = "Новиков", ["Fedorov"] = "Федоров",
        ["Morozov"] = "Морозов", ["Volkov"] = "Волков", ["Ivanova"] = "Иванова", ["Smirnova"] = "Смирнова", ["Petrova"] = "Петрова",
        ["Kozlova"] = "Козлова", ["Lebedev"] = "Лебедев", ["Solovyov"] = "Соловьёв",
    };

    public static readonly string[] EnglishMiddle = L("Ann|Marie|Lee|James|Michael|Elizabeth|Lynn|Edward|Grace|Alan|Rose|Paul");

    public static readonly string[] Particles = ["van", "von", "der", "den", "de", "del", "della", "la", "le", "los", "lo", "da", "das", "dos", "di", "du", "d'", "ter", "zu", "al", "el", "bin", "mac", "ó", "'t", "dela"];

    public static (string[] Given, string[] Family) For(string culture) => Lists[culture];
}
