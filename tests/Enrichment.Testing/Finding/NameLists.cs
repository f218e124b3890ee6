namespace Enrichment.Testing.Finding;

/// <summary>
/// Given and family names as CRMs hold them (diacritics, particles, hyphens, apostrophes), grouped by the
/// language a company's staff mostly share. Common names, so namesakes happen as they do in real companies.
/// </summary>
internal static class NameLists
{
    public sealed record Language(string Code, string[] First, string[] Last, bool ExpandsUmlauts);

    private static string[] L(string s) => s.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static readonly Language[] Languages =
    [
        new("en",
            L("James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Emily|Daniel|Matthew|Anthony|Mark|Laura|Rebecca|Amy|Kevin|Brian"),
            L("Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Anderson|Taylor|Thomas|Moore|Jackson|Martin|Lee|Thompson|White|Harris|Clark|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Hill|Green|Adams|Baker|Nelson|Carter|Mitchell|Campbell|Parker|Evans|Edwards|Collins|Stewart"),
            false),
        new("de",
            L("Jürgen|Thomas|Michael|Andreas|Stefan|Klaus|Wolfgang|Jörg|Uwe|Sören|Günter|Matthias|Sabine|Ursula|Monika|Petra|Jürgen|Björn|Käthe|Hans-Peter|Karl-Heinz|Anne-Kathrin|Bärbel|Sönke|Katrin|Julia|Lena|Maximilian|Lukas|Felix"),
            L("Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|Schmitt|Werner|Krause|Köhler|Groß|Jäger|Böhm|Müller-Lüdenscheidt|Weiß|von Weizsäcker|Lößner|Fuchs|Vogel|Friedrich|Günther"),
            true),
        new("fr",
            L("François|Jean-Pierre|Hélène|Amélie|Jérôme|Stéphane|Céline|Frédéric|Loïc|Gaëlle|Anaïs|Théo|Léa|Chloé|Mathieu|Nicolas|Julien|Camille|Élodie|Sébastien|Marie|Pierre|Jean-Luc|Aurélie|Benoît"),
            L("Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefèvre|Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier|Girard|Lambert|Bonnet|François|Mercier|Faure|Rousseau|Blanc|Guérin|Boyer|Lefebvre|Chevalier|de La Fontaine|Le Gall|Le Roux|Dupont|Fontaine|Brûlé|Ménard|Crémieux"),
            false),
        new("es",
            L("José|María|Juan|Antonio|Carmen|Francisco|Lucía|Javier|Sofía|Alejandro|Iñigo|Ángel|Jesús|Raúl|Rocío|Begoña|Andrés|Inés|Óscar|Elena|Pablo|Álvaro|Nuria|Sergio|Marta"),
            L("García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|Ruiz|Hernández|Díaz|Moreno|Muñoz|Álvarez|Romero|Navarro|Torres|Domínguez|Ibáñez|García-López|Sánchez-Vicario|de la Cruz|del Río|Ortiz|Castillo|Núñez|Peña"),
            false),
        new("pt",
            L("João|José|António|Francisco|Luís|Ana|Maria|Inês|Conceição|Gonçalo|Sebastião|Tomás|Beatriz|Mariana|Rafael|Lucas|Gabriel|Letícia|Vitória|Thiago"),
            L("Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins|Jesus|Sousa|Fernandes|Gonçalves|Gomes|Lopes|Marques|Alves|Almeida|Ribeiro|Pinto|Carvalho|dos Santos|da Silva|de Souza|Conceição|Magalhães|Araújo"),
            false),
        new("pl",
            L("Łukasz|Małgorzata|Krzysztof|Paweł|Michał|Piotr|Tomasz|Agnieszka|Katarzyna|Anna|Wojciech|Grzegorz|Zofia|Jakub|Dorota|Bartłomiej|Jędrzej|Monika|Ewa|Marcin"),
            L("Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński|Szymański|Woźniak|Dąbrowski|Kozłowski|Jankowski|Mazur|Kwiatkowski|Krawczyk|Piotrowski|Grabowski|Nowakowski|Pawłowski|Michalski|Król|Wieczorek|Jabłoński|Wróbel|Żółkiewski"),
            false),
        new("cs",
            L("Jiří|Jan|Petr|Josef|Pavel|Tomáš|Martin|Jaroslav|Kateřina|Lucie|Jana|Tereza|Zdeněk|Miroslav|Věra|Ondřej|Lenka|Radek"),
            L("Novák|Svoboda|Novotný|Dvořák|Černý|Procházka|Kučera|Veselý|Horák|Němec|Pokorný|Marek|Pospíšil|Hájek|Jelínek|Král|Růžička|Beneš|Fiala|Šimek"),
            false),
        new("nordic",
            L("Björn|Søren|Åsa|Lars|Anders|Mette|Sigríður|Ólafur|Bjørn|Jørgen|Kåre|Øystein|Ingrid|Astrid|Sven|Magnus|Freyja|Ævar|Siv|Nils|Karin|Erik|Hanne|Torbjørn|Maja"),
            L("Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Hansen|Jensen|Nielsen|Pedersen|Olsen|Ødegård|Sørensen|Kristiansen|Jónsson|Sigurðardóttir|Þórðarson|Dæhlie|Åberg|Söderberg|Löfgren|Lindqvist|Berg|Strøm|Holm|Bjørnstad|Ekström|Håkansson"),
            true),
        new("tr",
            L("Mehmet|Mustafa|Ahmet|Ali|Hüseyin|Hasan|İbrahim|Fatma|Ayşe|Emine|Hatice|Zeynep|Çağlar|Işıl|Gökhan|Özlem|Şule|Burak|Elif|Tuğba"),
            L("Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|Aslan|Çetin|Kara|Koç|Kurt|Özkan|Şimşek|Güneş|Erdoğan"),
            false),
        new("nl",
            L("Jan|Pieter|Kees|Johannes|Hendrik|Willem|Sanne|Anouk|Femke|Lotte|Bram|Sem|Daan|Thijs|Joris|Maarten|Eline|Noor|Ruud|Inge"),
            L("de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|van der Veen"),
            false),
        new("ie",
            L("Seán|Siobhán|Niamh|Aoife|Ciarán|Pádraig|Eoin|Caoimhe|Órla|Donal|Declan|Aisling|Cathal|Róisín|Conor|Fionn"),
            L("Murphy|Kelly|O'Sullivan|Walsh|Smith|O'Brien|Byrne|Ryan|O'Connor|O'Neill|O'Reilly|Doyle|McCarthy|Gallagher|O'Doherty|Kennedy|Lynch|Murray|Quinn|Moore|McLoughlin|O'Carroll|Connolly|Daly|O'Connell|Ó Súilleabháin|Mac Giolla"),
            false),
        new("it",
            L("Giuseppe|Giovanni|Antonio|Mario|Luigi|Francesco|Angelo|Vincenzo|Pietro|Salvatore|Maria|Anna|Giuseppina|Rosa|Angela|Giovanna|Teresa|Lucia|Niccolò|Nicolò|Chiara|Federica|Alessandro|Lorenzo"),
            L("Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|D'Angelo|D'Amico|Di Stefano|Di Marco|Lo Russo|De Santis|Fabbri|Caruso|Sartori|Bellini"),
            false),
        new("vi",
            L("Minh|Đức|Hương|Thảo|Tuấn|Hùng|Lan|Phương|Quang|Dũng|Thủy|Hải|Trang|Anh|Long|Ngọc|Hoàng|Vân|Tú|Nhung"),
            L("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Trịnh|Đinh"),
            false),
        new("in",
            L("Rahul|Priya|Amit|Anjali|Vikram|Sunita|Rajesh|Deepak|Pooja|Arjun|Sanjay|Neha|Ravi|Kavita|Suresh|Ananya|Aditya|Lakshmi"),
            L("Sharma|Patel|Singh|Kumar|Gupta|Reddy|Iyer|Nair|Rao|Mehta|Shah|Joshi|Desai|Agarwal|Chopra|Banerjee|Mukherjee|Krishnan|Menon|Pillai"),
            false),
        new("zh",
            L("Wei|Fang|Li|Jing|Min|Hao|Yan|Lei|Jun|Xin|Yu|Tao|Ming|Hui|Ying|Chen"),
            L("Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|He|Lin|Gao|Luo"),
            false),
        new("ar",
            L("Mohammed|Ahmed|Omar|Khalid|Youssef|Fatima|Aisha|Layla|Hassan|Karim|Nadia|Samir|Rania|Tariq|Zainab|Mahmoud"),
            L("al-Hassan|al-Rashid|El-Sayed|Haddad|Khoury|Nasser|bin Salman|Abdullah|Hussein|Mansour|Saleh|al-Amin|Farouk|Aziz|Rahman|Ibrahim|el-Masri|Qureshi"),
            false),
    ];

    public static readonly string[] MiddleNames = L("Anne|Marie|James|Lee|Paul|Elizabeth|Louise|Michael|Rose|Alexander|Q.|J.|Maria|Karl|Jane");

    // Addresses made from the name a person goes by, not the one in the CRM: unguessable from the name alone.
    public static readonly Dictionary<string, string> Nicknames = new(StringComparer.Ordinal)
    {
        ["Robert"] = "bob", ["William"] = "bill", ["Richard"] = "rick", ["Michael"] = "mike", ["Elizabeth"] = "liz",
        ["James"] = "jim", ["Joseph"] = "joe", ["Charles"] = "charlie", ["Daniel"] = "dan", ["Matthew"] = "matt",
        ["Anthony"] = "tony", ["Jennifer"] = "jen", ["Patricia"] = "pat", ["Rebecca"] = "becky", ["Thomas"] = "tom",
        ["Alejandro"] = "alex", ["Alessandro"] = "alex", ["Maximilian"] = "max", ["Francisco"] = "paco", ["Giuseppe"] = "beppe",
    };

    public static readonly string[] Particles = ["van", "der", "den", "de", "la", "del", "da", "dos", "di", "von", "le", "lo", "bin", "mac", "ó", "al", "el"];
}
