namespace Enrichment.Testing.Finding;

/// <summary>
/// Given and family names as CRMs hold them (diacritics, particles, hyphens, apostrophes, double names), grouped
/// by name culture. Assumptions (see EvaluationSet.md): company cultures weighted roughly by their share of
/// business contacts in a B2B database (English a fifth, then German, Indian, Spanish, Chinese …); within a
/// list, names are drawn with Zipf-like frequencies (the first listed is the most common), so namesakes happen
/// about as often as in real companies. Lists are independent of the finder's own tables.
/// </summary>
internal static class NameLists
{
    private static string[] L(string s) => s.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static readonly Culture[] Cultures =
    [
        new("en", 22, L("James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Emily|Daniel|Matthew|Anthony|Mark|Laura|Rebecca|Amy|Kevin|Brian"),
            L("Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Anderson|Taylor|Thomas|Moore|Jackson|Martin|Lee|Thompson|White|Harris|Clark|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Hill|Green|Adams|Baker|Nelson|Carter|Mitchell|Campbell|Parker|Evans|Edwards|Collins|Stewart")) { CompoundGiven = L("Mary Ann|Mary Beth|John Paul|Anna Marie|Mary Kate"), CompoundRate = 0.03 },
        new("de", 7, L("Jürgen|Thomas|Michael|Andreas|Stefan|Klaus|Wolfgang|Jörg|Uwe|Sören|Günter|Matthias|Sabine|Ursula|Monika|Petra|Jürgen|Björn|Käthe|Hans-Peter|Karl-Heinz|Anne-Kathrin|Bärbel|Sönke|Katrin|Julia|Lena|Maximilian|Lukas|Felix"),
            L("Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|Schmitt|Werner|Krause|Köhler|Groß|Jäger|Böhm|Müller-Lüdenscheidt|Weiß|von Weizsäcker|Lößner|Fuchs|Vogel|Friedrich|Günther")) { ExpandsUmlauts = true },
        new("fr", 5, L("François|Jean-Pierre|Hélène|Amélie|Jérôme|Stéphane|Céline|Frédéric|Loïc|Gaëlle|Anaïs|Théo|Léa|Chloé|Mathieu|Nicolas|Julien|Camille|Élodie|Sébastien|Marie|Pierre|Jean-Luc|Aurélie|Benoît"),
            L("Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefèvre|Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier|Girard|Lambert|Bonnet|François|Mercier|Faure|Rousseau|Blanc|Guérin|Boyer|Lefebvre|Chevalier|de La Fontaine|Le Gall|Le Roux|Dupont|Fontaine|Brûlé|Ménard|Crémieux")) { CompoundGiven = L("Marie-Claire|Jean-Marc|Anne-Laure|Marie-Hélène|Jean-François|Pierre-Yves"), CompoundRate = 0.12 },
        new("es", 5, L("José|María|Juan|Antonio|Carmen|Francisco|Lucía|Javier|Sofía|Alejandro|Iñigo|Ángel|Jesús|Raúl|Rocío|Begoña|Andrés|Inés|Óscar|Elena|Pablo|Álvaro|Nuria|Sergio|Marta"),
            L("García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|Ruiz|Hernández|Díaz|Moreno|Muñoz|Álvarez|Romero|Navarro|Torres|Domínguez|Ibáñez|García-López|Sánchez-Vicario|de la Cruz|del Río|Ortiz|Castillo|Núñez|Peña")) { DoubleSurnameRule = DoubleSurnames.Spanish, DoubleRate = 0.55, CompoundGiven = L("José Luis|Juan Carlos|María José|Ana María|José Antonio|María Carmen|Juan Manuel|Miguel Ángel|Luis Miguel|María Teresa"), CompoundRate = 0.25 },
        new("mx", 4, L("José|Juan|Luis|Carlos|Jorge|Alejandro|Miguel|Ricardo|Fernando|Guadalupe|María|Verónica|Adriana|Gabriela|Alejandra|Leticia|Sandra|Daniela|Ximena|Rodrigo"),
            L("Hernández|García|Martínez|López|González|Pérez|Rodríguez|Sánchez|Ramírez|Cruz|Flores|Gómez|Morales|Vázquez|Reyes|Jiménez|Torres|Díaz|Gutiérrez|Ruiz|Mendoza|Aguilar|Ortiz|Moreno|Castillo|Romero|Álvarez|Méndez|Chávez|Rivera|Juárez|Ramos|Domínguez|Herrera|Medina|Reynoso|Echevarría|Castañeda|Peña|Núñez")) { DoubleSurnameRule = DoubleSurnames.Spanish, DoubleRate = 0.8, CompoundGiven = L("José Luis|Juan Carlos|María Guadalupe|Ana Karen|José Manuel|María Fernanda|Luis Fernando|Juan Pablo|Ana Sofía|Jorge Alberto"), CompoundRate = 0.3 },
        new("pt", 2, L("João|José|António|Francisco|Luís|Ana|Maria|Inês|Conceição|Gonçalo|Sebastião|Tomás|Beatriz|Mariana|Rafael|Lucas|Gabriel|Letícia|Vitória|Thiago"),
            L("Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins|Jesus|Sousa|Fernandes|Gonçalves|Gomes|Lopes|Marques|Alves|Almeida|Ribeiro|Pinto|Carvalho|dos Santos|da Silva|de Souza|Conceição|Magalhães|Araújo")) { DoubleSurnameRule = DoubleSurnames.Portuguese, DoubleRate = 0.5, CompoundGiven = L("Ana Rita|João Miguel|Maria João|Pedro Miguel|Ana Sofia|Rui Pedro"), CompoundRate = 0.25 },
        new("br", 5, L("Lucas|Gabriel|Rafael|Matheus|Pedro|Gustavo|Felipe|Bruno|Thiago|Rodrigo|Ana|Juliana|Fernanda|Camila|Amanda|Bruna|Larissa|Letícia|Beatriz|Vitória|João|Luiz"),
            L("Silva|Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|Pereira|Lima|Gomes|Costa|Ribeiro|Martins|Carvalho|Almeida|Lopes|Soares|Fernandes|Vieira|Barbosa|Rocha|Dias|Nascimento|Araújo|Moreira|Cavalcanti|dos Santos|da Silva|de Souza|de Oliveira")) { DoubleSurnameRule = DoubleSurnames.Portuguese, DoubleRate = 0.6, CompoundGiven = L("João Lucas|João Pedro|Ana Clara|Maria Eduarda|Pedro Henrique|Ana Júlia|Luiz Felipe|Maria Clara|Carlos Eduardo|Ana Beatriz|João Vitor|Maria Luiza"), CompoundRate = 0.35 },
        new("it", 4, L("Giuseppe|Giovanni|Antonio|Mario|Luigi|Francesco|Angelo|Vincenzo|Pietro|Salvatore|Maria|Anna|Giuseppina|Rosa|Angela|Giovanna|Teresa|Lucia|Niccolò|Nicolò|Chiara|Federica|Alessandro|Lorenzo"),
            L("Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|D'Angelo|D'Amico|Di Stefano|Di Marco|Lo Russo|De Santis|Fabbri|Caruso|Sartori|Bellini")) { CompoundGiven = L("Gian Luca|Maria Grazia|Anna Maria|Gian Marco|Pier Paolo"), CompoundRate = 0.06 },
        new("nl", 3, L("Jan|Pieter|Kees|Johannes|Hendrik|Willem|Sanne|Anouk|Femke|Lotte|Bram|Sem|Daan|Thijs|Joris|Maarten|Eline|Noor|Ruud|Inge"),
            L("de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|van der Veen")),
        new("nordic", 3, L("Björn|Søren|Åsa|Lars|Anders|Mette|Sigríður|Ólafur|Bjørn|Jørgen|Kåre|Øystein|Ingrid|Astrid|Sven|Magnus|Freyja|Ævar|Siv|Nils|Karin|Erik|Hanne|Torbjørn|Maja"),
            L("Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Hansen|Jensen|Nielsen|Pedersen|Olsen|Ødegård|Sørensen|Kristiansen|Jónsson|Sigurðardóttir|Þórðarson|Dæhlie|Åberg|Söderberg|Löfgren|Lindqvist|Berg|Strøm|Holm|Bjørnstad|Ekström|Håkansson")) { ExpandsUmlauts = true, CompoundGiven = L("Anna-Karin|Per-Olof|Lars-Erik|Hans-Christian|Jan-Erik"), CompoundRate = 0.06 },
        new("pl", 2, L("Łukasz|Małgorzata|Krzysztof|Paweł|Michał|Piotr|Tomasz|Agnieszka|Katarzyna|Anna|Wojciech|Grzegorz|Zofia|Jakub|Dorota|Bartłomiej|Jędrzej|Monika|Ewa|Marcin"),
            L("Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński|Szymański|Woźniak|Dąbrowski|Kozłowski|Jankowski|Mazur|Kwiatkowski|Krawczyk|Piotrowski|Grabowski|Nowakowski|Pawłowski|Michalski|Król|Wieczorek|Jabłoński|Wróbel|Żółkiewski")),
        new("cs", 1, L("Jiří|Jan|Petr|Josef|Pavel|Tomáš|Martin|Jaroslav|Kateřina|Lucie|Jana|Tereza|Zdeněk|Miroslav|Věra|Ondřej|Lenka|Radek"),
            L("Novák|Svoboda|Novotný|Dvořák|Černý|Procházka|Kučera|Veselý|Horák|Němec|Pokorný|Marek|Pospíšil|Hájek|Jelínek|Král|Růžička|Beneš|Fiala|Šimek")),
        new("hu", 1.5, L("László|István|József|János|Zoltán|Gábor|Ferenc|Attila|Mária|Erzsébet|Katalin|Ilona|Éva|Zsuzsanna|Anikó|Péter|Balázs|Dóra|Gergő|Bence"),
            L("Nagy|Kovács|Tóth|Szabó|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Balogh|Papp|Takács|Juhász|Lakatos|Mészáros|Oláh|Simon|Rácz|Fekete|Szűcs|Török|Fehér|Pintér")) { SurnameFirst = true },
        new("ro", 1.5, L("Andrei|Mihai|Ioana|Elena|Ștefan|Alexandru|Cristina|Gheorghe|Răzvan|Bianca|Ionuț|Mădălina|Florin|Andreea"),
            L("Popescu|Ionescu|Popa|Dumitrescu|Stan|Stoica|Gheorghiu|Matei|Ciobanu|Rădulescu|Munteanu|Țurcanu|Constantin|Dinu")),
        new("ru", 3, L("Aleksandr|Dmitry|Sergey|Andrey|Alexey|Maxim|Ivan|Mikhail|Natalia|Elena|Olga|Tatiana|Ekaterina|Anastasia|Yulia|Irina|Vladimir|Nikolai"),
            L("Ivanov|Smirnov|Kuznetsov|Popov|Vasiliev|Petrov|Sokolov|Mikhailov|Novikov|Fedorov|Morozov|Volkov|Ivanova|Smirnova|Kuznetsova|Popova|Petrova|Sokolova|Lebedev|Kozlov")),
        new("tr", 2, L("Mehmet|Mustafa|Ahmet|Ali|Hüseyin|Hasan|İbrahim|Fatma|Ayşe|Emine|Hatice|Zeynep|Çağlar|Işıl|Gökhan|Özlem|Şule|Burak|Elif|Tuğba"),
            L("Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|Aslan|Çetin|Kara|Koç|Kurt|Özkan|Şimşek|Güneş|Erdoğan")),
        new("gr", 1, L("Georgios|Dimitrios|Konstantinos|Ioannis|Maria|Eleni|Nikolaos|Katerina|Vasileios|Sofia|Panagiotis|Christos"),
            L("Papadopoulos|Papadakis|Georgiou|Nikolaidis|Karagiannis|Vlachos|Oikonomou|Papageorgiou|Dimitriou|Makris|Antoniou|Pappas")),
        new("ie", 1, L("Seán|Siobhán|Niamh|Aoife|Ciarán|Pádraig|Eoin|Caoimhe|Órla|Donal|Declan|Aisling|Cathal|Róisín|Conor|Fionn"),
            L("Murphy|Kelly|O'Sullivan|Walsh|Smith|O'Brien|Byrne|Ryan|O'Connor|O'Neill|O'Reilly|Doyle|McCarthy|Gallagher|O'Doherty|Kennedy|Lynch|Murray|Quinn|Moore|McLoughlin|O'Carroll|Connolly|Daly|O'Connell|Ó Súilleabháin|Mac Giolla")),
        new("in", 6, L("Rahul|Priya|Amit|Anjali|Vikram|Sunita|Rajesh|Deepak|Pooja|Arjun|Sanjay|Neha|Ravi|Kavita|Suresh|Ananya|Aditya|Lakshmi"),
            L("Sharma|Patel|Singh|Kumar|Gupta|Reddy|Iyer|Nair|Rao|Mehta|Shah|Joshi|Desai|Agarwal|Chopra|Banerjee|Mukherjee|Krishnan|Menon|Pillai")),
        new("zh", 5, L("Wei|Fang|Li|Jing|Min|Hao|Yan|Lei|Jun|Xin|Yu|Tao|Ming|Hui|Ying|Chen"),
            L("Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|He|Lin|Gao|Luo")) { EastAsian = true, SurnameFirst = true, CompoundGiven = L("Xiao Ming|Jian Guo|Zhi Wei|Yu Ting|Jia Hui|Hao Ran|Xin Yi|Zi Han|Yi Ming|Jun Jie|Li Na|Shu Fen|Wen Jie|Chun Hua"), CompoundRate = 0.6 },
        new("vi", 2, L("Minh|Đức|Hương|Thảo|Tuấn|Hùng|Lan|Phương|Quang|Dũng|Thủy|Hải|Trang|Anh|Long|Ngọc|Hoàng|Vân|Tú|Nhung"),
            L("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Trịnh|Đinh")) { EastAsian = true, SurnameFirst = true, CompoundGiven = L("Mỹ Nhi|Bảo Anh|Minh Anh|Gia Huy|Thanh Hương|Ngọc Lan|Quốc Bảo|Hoài An|Giao Kiều|Khánh Linh|Thu Trang|Đức Anh|Tuấn Anh|Phương Thảo"), CompoundRate = 0.45, Middle = L("Văn|Thị|Văn|Thị|Hữu|Đức") },
        new("ko", 2, L("Min|Jin|Hoon|Eun|Yeon"),
            L("Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Hong")) { EastAsian = true, SurnameFirst = true, CompoundGiven = L("Min Jun|Seo Yeon|Ji Hoon|Ha Eun|Jae Won|Soo Jin|Hyun Woo|Ji Woo|Young Ho|Eun Ji|Sung Min|Ji Yeon|Dong Hyun|Hye Jin|Seung Hoon|Min Seo"), CompoundRate = 0.95 },
        new("ja", 3, L("Hiroshi|Takeshi|Yuki|Haruto|Sakura|Yui|Kenji|Akira|Naoko|Keiko|Daisuke|Shota|Aiko|Ryō|Satoshi|Yōko|Kazuki|Emi"),
            L("Satō|Suzuki|Takahashi|Tanaka|Watanabe|Itō|Yamamoto|Nakamura|Kobayashi|Katō|Yoshida|Yamada|Sasaki|Yamaguchi|Matsumoto|Inoue|Kimura|Shimizu|Hayashi|Saitō")) { SurnameFirst = true },
        new("ar", 3, L("Mohammed|Ahmed|Omar|Khalid|Youssef|Fatima|Aisha|Layla|Hassan|Karim|Nadia|Samir|Rania|Tariq|Zainab|Mahmoud"),
            L("al-Hassan|al-Rashid|El-Sayed|Haddad|Khoury|Nasser|bin Salman|Abdullah|Hussein|Mansour|Saleh|al-Amin|Farouk|Aziz|Rahman|Ibrahim|el-Masri|Qureshi")),
        new("fa", 1, L("Mohammad-Reza|Ali|Zahra|Reza|Fatemeh|Hossein|Maryam|Amir|Sara|Mehdi|Ali-Akbar|Narges|Parisa|Babak"),
            L("Hosseini|Mohammadi|Ahmadi|Rezaei|Moradi|Karimi|Jafari|Rahimi|Hashemi|Sadeghi|Tehrani|Ghorbani|Azizi|Najafi")),
        new("ng", 1.5, L("Chukwuemeka|Oluwaseun|Adebayo|Ngozi|Chiamaka|Emeka|Folake|Tunde|Ifeoma|Obinna|Yetunde|Babatunde|Chidi|Funmilayo"),
            L("Okafor|Adeyemi|Okonkwo|Eze|Nwosu|Adebayo|Ogunleye|Balogun|Chukwu|Okeke|Olawale|Ibrahim|Onyekachi|Afolabi")),
        new("fil", 1.5, L("Juan|Maria|Jose|Mark|Angelica|Jerome|Kristine|Rommel|Marivic|Jericho|Princess|Arnel"),
            L("dela Cruz|Santos|Reyes|Garcia|Bautista|Ocampo|Mendoza|Villanueva|Ramos|de Guzman|Aquino|Castillo|Soriano|Navarro")) { CompoundGiven = L("John Paul|Mark Anthony|Maria Cristina|Jose Miguel|Anna Marie|John Carlo|Mary Grace|Kim Carlo"), CompoundRate = 0.3 },
        new("id", 1, L("Budi|Siti|Agus|Dewi|Putri|Rizky|Eko|Wahyu|Sri|Adi|Indah|Fajar"),
            L("Santoso|Wijaya|Hidayat|Saputra|Kusuma|Pratama|Setiawan|Nugroho|Halim|Gunawan|Susanto|Lestari")),
        new("he", 1, L("Yosef|David|Moshe|Noa|Tamar|Avraham|Yael|Itai|Shira|Eitan|Maya|Omer"),
            L("Cohen|Levi|Mizrahi|Peretz|Biton|Dahan|Avraham|Friedman|Katz|Azulay|Ben-David|Ben-Ami")),
    ];

    public static readonly string[] MiddleNames = L("Anne|Marie|James|Lee|Paul|Elizabeth|Louise|Michael|Rose|Alexander|Andrew|Joseph|Maria|Karl|Jane|Edward");

    // Names people go by in their address though the CRM holds the formal one (and a few the other way round).
    public static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["Robert"] = ["bob", "rob"], ["William"] = ["bill", "will"], ["Richard"] = ["rick", "rich"], ["Michael"] = ["mike"],
        ["Elizabeth"] = ["liz", "beth"], ["James"] = ["jim", "jamie"], ["Joseph"] = ["joe"], ["Charles"] = ["charlie", "chuck"],
        ["Daniel"] = ["dan"], ["Matthew"] = ["matt"], ["Anthony"] = ["tony"], ["Jennifer"] = ["jen", "jenny"],
        ["Patricia"] = ["pat", "trish"], ["Rebecca"] = ["becky", "becca"], ["Thomas"] = ["tom"], ["David"] = ["dave"],
        ["Susan"] = ["sue"], ["Barbara"] = ["barb"], ["Kevin"] = ["kev"], ["Jessica"] = ["jess"], ["Alejandro"] = ["alex"],
        ["Alessandro"] = ["alex"], ["Maximilian"] = ["max"], ["Francisco"] = ["paco", "fran"], ["Giuseppe"] = ["beppe"],
        ["José"] = ["pepe"], ["Aleksandr"] = ["sasha", "alex"], ["Dmitry"] = ["dima"], ["Mikhail"] = ["misha"],
        ["Ekaterina"] = ["katya"], ["Natalia"] = ["natasha"], ["Tatiana"] = ["tanya"], ["Anastasia"] = ["nastya"],
        ["Nikolaos"] = ["nikos"], ["Konstantinos"] = ["kostas"], ["Johannes"] = ["hans"], ["Wolfgang"] = ["wolf"],
        ["Andreas"] = ["andi"], ["Katarzyna"] = ["kasia"], ["Małgorzata"] = ["gosia"], ["Oluwaseun"] = ["seun"],
        ["Chukwuemeka"] = ["emeka"], ["Babatunde"] = ["tunde"], ["Gabriel"] = ["gabe"], ["Nicolas"] = ["nico"],
    };

    public static readonly string[] Particles = ["van", "der", "den", "de", "la", "del", "da", "dos", "di", "von", "le", "lo", "bin", "mac", "ó", "al", "el", "dela"];
}
