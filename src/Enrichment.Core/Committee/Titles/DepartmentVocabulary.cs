namespace Enrichment.Committee.Titles;

/// <summary>
/// The department table of COMMITTEE.md in nine languages. Strong words name a function; weak words (operations,
/// project, office, the department a bare noun implies) count only when no strong word is present. Compound stems
/// (einkauf*, *chef) read German, Dutch and Swedish compounds.
/// </summary>
internal static class DepartmentVocabulary
{
    private static DepartmentCue S(Department d) => new(d, Strong: true);

    private static DepartmentCue W(Department d) => new(d, Strong: false);

    private static DepartmentCue N(Department d) => new(d, Strong: false, Noun: true);

    public static IEnumerable<(string, DepartmentCue)> Entries() =>
    [
        ("country director|strategy|strategic planning|corporate strategy|corporate development|corp dev|corpdev|chief of staff|office of the ceo|executive office|" +
         "executive assistant|executive secretary|secretaria ejecutiva|secretária executiva|personal assistant|ea|ceo|founder|cofounder|managing director|general management|business transformation|" +
         "prokurist|prokuristin|geschäftsführung|geschäftsleitung|unternehmensentwicklung|strategie|unternehmensstrategie|vorstandsbüro|" +
         "direction générale|stratégie|développement stratégique|estrategia|estratégia|dirección general|direção geral|strategia|direzione generale|" +
         "directie|strategie en beleid|strategi|ledningsgrupp|zarządu|asystentka zarządu|asystent zarządu|vd assistent|ledningsassistent|" +
         "affärsområde*|direktionsassistent*|asistente de dirección|assistente di direzione|assistante de direction|assistant de direction|secretaria de dirección|" +
         "directiesecretaresse|chefsekretär*|secrétaire de direction|assistente executiva|secretária executiva", S(Department.Executive)),
        ("general manager|assistant general manager|deputy general manager|country manager|gm|executive|exec|direction|dirección|direção|direzione|ledning|management|board office|transformation", W(Department.Executive)),

        ("finance|finances|financial|financ*|fpa|fp a|treasury|tax|taxes|taxation|controlling*|controlling|controller|comptroller|billing|payroll|internal audit|" +
         "credit|credit control|collections|accounting|accountant|accountants|accounts|accounts payable|accounts receivable|bookkeeper|" +
         "internal controls|internal control|bookkeeping|revenue accountant|investment|investments|cfo office|cost accounting|credit risk|finops|" +
         "finanzen|finanzbuchhaltung|finanz*|buchhaltung|*buchhaltung|buchhalter*|*buchhalter*|rechnungswesen|steuer*|lohnbuchhaltung|lohn*|" +
         "kaufmännisch*|kaufmännischer leiter|controllerin|bilanz*|debitoren*|kreditoren*|treasurer|" +
         "comptab*|trésor*|fiscal*|fiscalité|paie|contrôle de gestion|contrôleur de gestion|contrôleuse de gestion|contrôleur|contrôleuse|daf|raf|administratif et financier|" +
         "administrative et financière|expert comptable|audit interne|recouvrement|facturation|" +
         "contab*|contador|contadora|tesorer*|nómina|nóminas|cuentas por pagar|cuentas por cobrar|facturación|auditor*|crédito|cobranza|tesorería|" +
         "finanzas|financiero|financiera|administración y finanzas|" +
         "contas a pagar|contas a receber|contabilidade|contábil|financeiro|financeira|tesouraria|faturamento|folha de pagamento|controladoria|auditoria|finanças|" +
         "contabil*|ragioner*|amministrazion*|amministrativ*|tesorer*|fiscale|paghe|controllo di gestione|bilancio|finanza|finanziario|finanziaria|" +
         "financieel|financiële|financiele|financiën|boekhoud*|*boekhouder|administratie|financiële administratie|salarisadministra*|crediteuren*|" +
         "debiteuren*|belasting*|controller|" +
         "finans*|księgow*|*księgow*|kontroling|controlling finansowy|podatk*|rachunkow*|płac|wynagrodzeń|" +
         "ekonom*|*ekonom|redovisning*|löne*|lön|skatt*|revisor*|*revisor|ekonomichef|ekonomiavdelning", S(Department.Finance)),

        ("risk|risks|risk management|audit|auditor|auditors|riesgos|risque|risques|risco|riscos|rischi|rischio|risiko|ryzyka|risico|", new DepartmentCue(Department.Finance, true, true)),
        ("compliance|privacy|data privacy|dpo|data protection|conformité|cumplimiento|conformidade|conformità|zgodności|datenschutz|", new DepartmentCue(Department.Legal, true, true)),
        ("it|ict|information technology|information systems|infrastructure|infra|network|networks|networking|service desk|helpdesk|help desk|" +
         "desktop support|it support|it operations|sysadmin|system administrator|systems administrator|system administration|enterprise architect|" +
         "enterprise architecture|cloud architect|cloud|solution architect|erp|sap|crm|salesforce|hris|hris administrator|business analyst|" +
         "business systems|business applications|enterprise applications|applications|application support|digital transformation|cio|dsi|" +
         "amministratore di sistema|amministratore di rete|sistema|sistemi|servicedesk|analityk biznesowy|analista de negocios|analista de negócios|analyste métier|analista funcional|analista funzionale|business analist|affärsanalytiker|dba|database|database administrator|systems engineer|system engineer|systems analyst|it analyst|it specialist|it consultant|it administrator|datacenter|data center|telecom*|end user computing|workplace technology|m365|microsoft 365|" +
         "servicenow|workday|netsuite|oracle|dynamics|it service management|itsm|" +
         "edv|informatik|wirtschaftsinformatik*|*informatiker|informatiker*|it service|netzwerk*|systemadministrat*|systembetreuer*|" +
         "informatique|systèmes d information|systèmes informatiques|si|système d information|réseau|réseaux|infogérance|" +
         "informática|sistemas|tecnologías de la información|tecnologias de la informacion|tecnologia da informação|ti|infraestrutura|" +
         "infraestructura|redes|soporte técnico|suporte técnico|" +
         "informatica|informatico|informático|informatique|informaticien|informaticienne|sistemi informativi|sistemista|ict manager|reti|" +
         "informatie*|applicatiebeheer*|systeembeheer*|netwerkbeheer*|functioneel beheer*|functioneel beheerder|informatievoorziening|automatisering|" +
         "informatyk*|it manager|sieci|administrator systemów|" +
         "it chef|it avdelning|it ansvarig|systemförvaltare|systemförvaltning|it drift|drifttekniker|it tekniker|it konsult", S(Department.It)),
        ("digital|information", W(Department.It)),
        ("administrator|*administrator|administratör|*administratör|architect|technician|technicien|technicienne|beheerder|*beheerder|technik", N(Department.It)),

        ("engineering|software|software engineer|software developer|devops|sre|site reliability|platform|platform engineering|backend|back end|" +
         "frontend|front end|fullstack|full stack|mobile|ios|android|embedded|firmware|qa|quality assurance|test automation|release|release manager|" +
         "rnd|research and development|tpm|technical program manager|technical program|scrum master|agile coach|cto|technology|java|javascript|" +
         "python|golang|dotnet|net developer|php|ruby|web developer|game developer|mechanical engineer|electrical engineer|hardware|" +
         "softwareentwickl*|software*|entwicklung|entwicklungs*|forschung und entwicklung|technischer leiter|technische leiterin|technischer geschäftsführer|" +
         "technische geschäftsführerin|technik|anwendungsentwickl*|" +
         "logiciel|développement logiciel|r et d|recherche et développement|directeur technique|directrice technique|bureau d études|" +
         "desarrollo de software|desarrollo|tecnología|i d|ingeniería|" +
         "desenvolvimento|desenvolvimento de software|tecnologia|engenharia|p d|" +
         "sviluppo|sviluppo software|analista programmatore|ufficio tecnico|direttore tecnico|ricerca e sviluppo|ingegneria|" +
         "ontwikkeling|softwareontwikkel*|software ontwikkelaar|" +
         "oprogramowani*|rozwoju oprogramowania|rozwój|badań i rozwoju|" +
         "mjukvar*|utveckling*|utvecklingschef|teknisk chef|teknikchef|systemutveckl*|utvecklare|*utvecklare|programmerare", S(Department.Engineering)),
        ("engr|eng|test|testing|delivery|technical|tech|development|techniczn*|technicz*", W(Department.Engineering)),
        ("engineer|engineers|enginer|engeneer|developer|developers|dev|programmer|coder|tester|ingenieur|*ingenieur|ingénieur|" +
         "ingeniero|ingeniera|engenheiro|engenheira|ingegnere|inżynier|ingenjör|*ingenjör|développeur|développeuse|developpeur|desarrollador|" +
         "desarrolladora|programador|programadora|desenvolvedor|desenvolvedora|sviluppatore|sviluppatrice|programmatore|programmatrice|" +
         "ontwikkelaar|*ontwikkelaar|programmeur|programista|programistka|*entwickler*|tecnico|técnico|técnica|techniker|tekniker|" +
         "technisch*|technique|tecnica|teknisk*|development|techniczn*|technicz*", N(Department.Engineering)),

        ("security|cyber|cybersecurity|cyber security|infosec|information security|it security|soc|security operations|secops|pentest*|" +
         "penetration|appsec|application security|product security|cloud security|network security|threat|threat intelligence|vulnerability|" +
         "incident response|identity and access|iam|ciso|red team|blue team|detection|" +
         "informationssicherheit*|it sicherheit|cybersicherheit|sicherheitsarchitekt*|" +
         "sécurité|sécurité informatique|sécurité des systèmes d information|cybersécurité|ssi|" +
         "seguridad|seguridad informática|seguridad de la información|ciberseguridad|segurança|segurança da informação|cibersegurança|" +
         "sicurezza|sicurezza informatica|cybersicurezza|sicurezza delle informazioni|" +
         "beveiliging|informatiebeveiliging|cybersecurity specialist|" +
         "bezpieczeństw*|cyberbezpieczeństw*|bezpieczeństwa it|bezpieczeństwa informacji|" +
         "säkerhet*|informationssäkerhet*|it säkerhet|it säkerhet*|cybersäkerhet|säkerhetschef", S(Department.Security)),
        ("grc|governance , risk , compliance|governance risk , compliance|governance , risk and compliance|governance risk|risk and compliance|risk compliance|governance risk and compliance|security compliance|it compliance|it risk|" +
         "cyber risk|technology risk|information risk|vendor risk|third party risk|supplier risk|it audit|it auditor|security audit|security auditor|" +
         "information security officer|iso|isso|security officer|it security officer|rssi|sécurité des systèmes d information|securite des systemes d information|information assurance|security governance|" +
         "informationssicherheitsbeauftragt*|it sicherheitsbeauftragt*|isb|it compliance officer|sox it|iso 27001|" +
         "responsable de la sécurité des systèmes d information|auditeur it|audit informatique|auditoría de sistemas|auditoria de ti|" +
         "informationssäkerhetsansvarig|informationssäkerhetssamordnare|grc specialist|pci|pci compliance|soc 2", new DepartmentCue(Department.Security, true, true)),

        ("procurement|purchasing|purchase|purchaser|sourcing|strategic sourcing|buyer|buyers|buying|category manager|category management|" +
         "category lead|vendor management|vendor manager|supplier|suppliers|supplier management|supply management|spend|indirect spend|" +
         "chief procurement officer|cpo procurement|it procurement|" +
         "einkauf*|*einkauf|*einkäufer*|beschaffung*|*beschaffung|lieferantenmanag*|materialwirtschaft|" +
         "achat*|achet*|approvisionnement*|approvisionn*|acheteur|acheteuse|" +
         "compras|compra|comprador*|aprovisionamiento|abastecimiento|adquisiciones|suprimentos|suprimento|aquisições|" +
         "acquisti|approvvigionament*|ufficio acquisti|compratore|" +
         "inkoop*|inkoper*|*inkoper|*inkoop|" +
         "zakup*|*zakup*|zaopatrzeni*|kupiec|zakupowiec|" +
         "inköp*|*inköp|inköpare|*inköpare|upphandl*|*upphandlare", S(Department.Procurement)),

        ("legal|legal counsel|counsel|contract|contract specialist|contract administrator|attorney|lawyer|solicitor|paralegal|contracts|contract manager|contracts manager|commercial counsel|" +
         "data protection officer|general counsel|gc|clo|company secretary|corporate secretary|" +
         "regulatory|regulatory affairs|ethics|" +
         "juridique|juriste|avocat*|affaires réglementaires|conformité|protection des données|délégué à la protection des données|dpd|droit|affaires juridiques|" +
         "recht|rechtsabteilung|rechtsanwalt*|syndikus*|justiziar*|justitiar*|jurist|juristin|*jurist|*juristin|datenschutz*|vertrags*|" +
         "rechtsanwältin|chefjustiziar*|" +
         "jurídico|jurídica|abogad*|letrad*|asesor jurídico|asesora jurídica|asesoría jurídica|cumplimiento|cumplimiento normativo|" +
         "protección de datos|delegado de protección de datos|advogad*|protecao de dados|proteção de dados|encarregado de dados|conformidade|" +
         "avvocat*|legale|giurist*|ufficio legale|affari legali|protezione dei dati|conformità|" +
         "advocaat|juridisch*|bedrijfsjurist|gegevensbescherming|functionaris gegevensbescherming|" +
         "prawn*|radca|radczyni|adwokat|ochrony danych|inspektor ochrony danych|iod|zgodności|" +
         "advokat|juridik*|dataskydd*|bolagsjurist|chefsjurist", S(Department.Legal)),

        ("rr hh|rrhh|hr|human resources|human resource|people|people operations|people ops|people partner|talent|talent acquisition|recruit*|recruiter|" +
         "learning|lnd|learning and development|learning development|training and development|compensation|benefits|compensation and benefits|cnb|" +
         "total rewards|rewards|hrbp|chro|employee experience|employee relations|personnel|workforce|hr business partner|hrm|staffing|" +
         "personal|personal*|personalentwickl*|personalabteilung|personalwesen|personalreferent*|personalleiter*|personalentwicklung|recruiting|talent*|" +
         "ausbildungsleiter*|rh|ressources humaines|drh|rrh|recrutement|recrut*|formation|talents|gestion des talents|" +
         "rrhh|recursos humanos|selección|reclut*|talento|personas|gestión de personas|capital humano|" +
         "recrutamento|recrutador*|gente e gestão|departamento pessoal|dp|pessoas|gente|" +
         "risorse umane|personale|selezione|ufficio personale|" +
         "personeelszaken|pno|personeel*|hr adviseur|hr medewerker|" +
         "kadr*|kadry|zasobów ludzkich|rekrut*|personaln*|" +
         "personalchef|personalavdelning|rekryt*|hr chef|kompetensutveckling", S(Department.Hr)),

        ("sales*|capo area|negocios|negócios|negocio|negócio|sales|sale|sell|selling|account executive|ae|account manager|key account|key account manager|key accounts|kam|account director|" +
         "sdr|bdr|business development|bizdev|biz dev|business developer|partnerships|partnership|partner manager|channel|channels|alliances|" +
         "presales|pre sales|sales engineer|solutions consultant|solutions engineer|solution consultant|solution engineer|solutions architect|" +
         "sales operations|sales ops|salesops|revops|revenue operations|revenue|enablement|sales enablement|commercial|inside sales|field sales|" +
         "account management|new business|territory|global accounts|strategic accounts|enterprise accounts|major accounts|named accounts|national accounts|client partner|client director|client executive|retail sales|inside sales representative|cro|" +
         "vertrieb*|*vertrieb|verkauf*|außendienst*|aussendienst*|innendienst*|geschäftsentwicklung|neukunden*|kundenakquise|" +
         "vente|ventes|affaires|développement|ingénieure d affaires|ingénieur commercial|ingénieure commerciale|ingénieur d affaires|chargé d affaires|chargée d affaires|développement commercial|" +
         "attaché commercial|attachée commerciale|grands comptes|adv|administration des ventes|commercial|commerciale|vendeur|vendeuse|délégué commercial|" +
         "contas|gerente de contas|ventas|venta|comercial|ejecutivo de cuentas|ejecutiva de cuentas|ejecutivo de ventas|ejecutiva de ventas|cuentas|ejecutivo comercial|ejecutiva comercial|asesor comercial|asesora comercial|vendedor*|preventa|desarrollo de negocio|" +
         "desarrollo de negocios|cuentas clave|representante de ventas|vendas|executivo de contas|executiva de contas|executivo de vendas|" +
         "pré vendas|desenvolvimento de negócios|representante comercial|" +
         "vendite|commerciale|venditor*|agente di commercio|area manager|ufficio commerciale|sviluppo commerciale|" +
         "verkoop*|verkoper*|*verkoper|accountmanager*|accountmanagement|binnendienst|buitendienst|commercieel|commerciële|vertegenwoordiger|" +
         "sprzedaż*|sprzedaży|handlow*|handlowiec|przedstawiciel handlowy|opiekun klienta|key account manager|" +
         "sälj*|*säljare|försäljning*|kundansvarig|affärsutveckl*|affärsutvecklare", S(Department.Sales)),
        ("account|accounts exec|representative|rep|reps|agent", N(Department.Sales)),

        ("marketing|marketeer|marketer|demand gen|demand generation|growth|growth marketing|product marketing|product marketing manager|brand|" +
         "branding|content|content marketing|communications|communication|comms|pr|public relations|events|event|marketing operations|mops|" +
         "copywriter|copywriting|graphic|graphic designer|graphic design|social media|seo|sem|sea|digital marketing|performance marketing|" +
         "lead generation|lead gen|field marketing|abm|creative|creative director|art director|media|campaign|campaigns|market research|cmo|" +
         "martech|marketing technology|customer marketing|partner marketing|web marketing|ecommerce|e commerce|community|influencer|" +
         "marketing*|kommunikation*|unternehmenskommunikation|pressesprecher*|öffentlichkeitsarbeit|werbung|grafik*|mediengestalter*|" +
         "communication|chargé de communication|événementiel|relations presse|rédacteur|rédactrice|" +
         "mercadotecnia|comunicación|comunicaciones|publicidad|diseñador gráfico|diseñadora gráfica|prensa|" +
         "comunicação|publicidade|" +
         "comunicazione|ufficio stampa|grafico|grafica|" +
         "communicatie*|woordvoerder|" +
         "marketingu|komunikacj*|grafik|" +
         "marknad*|*marknad|marknadsföring|kommunikat*|kommunikationschef|marknadschef|marknadsansvarig", S(Department.Marketing)),
        ("design|designer|designers|designerin|writer|editor|diseñador|diseñadora|designer gráfico", N(Department.Marketing)),

        ("operations|operating|business operations|bizops|supply chain|logistics|logistic|facilities|facility|facility management|manufacturing|" +
         "production|plant|warehouse|office manager|office administrator|office coordinator|office management|office services|fleet|inventory|distribution|transport|transportation|shipping|" +
         "operativo|operativa|operacional|operativ|plats*|biura|biuro|coo|s op|sop|demand planning|warehousing|maintenance|quality manager|quality management|iso 9001|" +
         "logistik*|produktion*|fertigung*|disposition|disponent*|lager*|lagerleiter*|werkleiter*|betriebsleiter*|betrieb|standortleiter*|" +
         "qualitätsmanagement|qualität*|industrial|industriel|industrielle|industria|industriale|facility*|verwaltung|instandhaltung|" +
         "opérations|logistique|supply chain|services généraux|exploitation|usine|maintenance|qualité|" +
         "operaciones|logística|producción|cadena de suministro|almacén|mantenimiento|planta|" +
         "operações|produção|cadeia de suprimentos|armazém|manutenção|" +
         "logistica|produzione|magazzino|stabilimento|manutenzione|" +
         "logistiek*|productie*|bedrijfsvoering|facilitair*|werkvoorbereid*|magazijn*|" +
         "operacyjn*|logistyk*|produkcj*|magazyn*|utrzymania ruchu|" +
         "bedrijfsleider|bedrijfsbureau|verksamhet*|drift|driftchef|kontor*|fastighet*|produktionschef", S(Department.Operations)),
        ("vestiging*|oddzia*|administracj*|biurow*|commessa|commesse|planejamento|pcp|planificación|pianificazione|planering|planowani*|monteur|*monteur|montör|technolog*|materials|material|materiales|materiais|materiali|site|ops|office|project|projects|program|programme|programs|administration|administrative|admin|quality|planning|planner|*planner|" +
         "project manager|program manager|programme manager|pmo|projekt*|projet|projets|proyecto|proyectos|projeto|projetos|progetto|progetti|" +
         "project*|projektu|projektów|projektledare|administración|administrativo|administrativa|administratif|administrative|qualité|calidad|" +
         "qualidade|qualità|kwaliteit*|jakości|kvalitet*|segreteria|secretariat|secrétariat|secretariaat|sekretariat*|administratief*|programma*|office assistant|store|stores|shop|retail|branch|restaurant|filiale|filialleiter*|" +
         "marktleiter*|boutique|magasin|tienda|loja|negozio|punto vendita|winkel|winkelmanager|sklep|sklepu|butik|butikschef|administrative assistant|planer|planerin", W(Department.Operations)),

        ("call center|callcenter|contact center|call centre|centro de atendimento|centro de llamadas|support*|customer success|customer service|customer support|customer care|customer experience|client services|client service|client success|" +
         "support|technical support|implementation|implementations|onboarding|professional services|cx|csm|customer operations|" +
         "technical account manager|support engineer|support specialist|service delivery|customer|customers|customer success manager|" +
         "servicetechni*|servicetekni*|servicemonteur|servicemont*|kundenservice|kundendienst|servicetechniker*|field service|kundendiensttechniker*|kundenbetreu*|kundenberat*|kundensupport|kunden*|kundenerfolg|kundenzufriedenheit|" +
         "service client|relation client|relation clientèle|satisfaction client|conseiller clientèle|conseillère clientèle|chargé de clientèle|" +
         "chargée de clientèle|service après vente|sav|" +
         "atención al cliente|servicio al cliente|experiencia del cliente|soporte|éxito del cliente|posventa|postventa|" +
         "atendimento|atendimento ao cliente|sucesso do cliente|suporte|pós venda|experiência do cliente|relacionamento|" +
         "assistenza clienti|servizio clienti|supporto|post vendita|assistenza tecnica|" +
         "klantenservice*|klantcontact*|klantenondersteuning|klant*|" +
         "obsługi klienta|obsługa klienta|wsparcie|wsparcia|opieki nad klientem|" +
         "kundtjänst*|kundservice|kundsupport|kundframgång|kundtjänstchef", S(Department.CustomerSuccess)),
        ("client|clients|clientèle|cliente|clientes|klienta|klient", N(Department.CustomerSuccess)),

        ("product|products|product management|product manager|product owner|product operations|product ops|ux|ui|ux ui|ui ux|user experience|" +
         "user interface|product design|product designer|user research|user researcher|ux research|design research|ux researcher|interaction design|interaction designer|service design|" +
         "produkt*|produktmanag*|produktchef|produktägare|produktansvarig|produit|produits|chef de produit|cheffe de produit|producto|productos|" +
         "produto|produtos|prodotto|prodotti|product*|productmanager|productowner|produktu|produktów", S(Department.Product)),

        ("data|data science|data scientist|data engineer|data engineering|data analyst|analytics|business intelligence|bi|machine learning|ml|" +
         "ai|artificial intelligence|data governance|data platform|big data|statistics|statistician|insights|data management|mlops|dataops|" +
         "data architect|data warehouse|cdo|reporting|" +
         "daten*|datenanalyse|datenwissenschaft*|données|science des données|" +
         "datos|ciencia de datos|inteligencia de negocio|inteligencia de negocios|analítica|dados|ciência de dados|inteligência de dados|" +
         "dati|analisi dati|" +
         "danych|dane|analiz danych|" +
         "dataanalytiker|dataanalys|datavetare", S(Department.Data)),
        ("analyst|analysts|analista|analyste|analityk|analist|*analist|analytiker|*analytiker|*analyst|analystin|scientist", N(Department.Data)),

        ("prevención de riesgos|riesgos laborales|arbeitssicherheit|fachkraft für arbeitssicherheit|hse|ehs|qhse|health and safety|" +
         "sécurité au travail|sicurezza sul lavoro|rspp|bhp|arbetsmiljö|laboratorio|laboratory|lab|labor|laboratoire|laboratório|laboratorium|" +
         "clinical|nurse|nursing|physician|doctor|medical|pharmacist|teacher|teaching|professor|lecturer|faculty|tutor|academic|" +
         "board member|board of directors|board director|non executive director|advisory board|investor|self employed|retired|student|" +
         "volunteer|unemployed|freelance|" +
         "arzt|ärztin|krankenschwester|pflege*|lehrer*|aufsichtsrat*|beirat*|rentner*|studentin|student|" +
         "infirmier|infirmière|médecin|enseignant|enseignante|professeur|retraité|retraitée|étudiant|étudiante|bénévole|" +
         "enfermero|enfermera|médico|médica|profesor|profesora|docente|jubilado|jubilada|estudiante|voluntario|consejero|consejera|" +
         "enfermeiro|enfermeira|professor|professora|aposentado|aposentada|estudante|conselheiro|conselheira|" +
         "infermiere|infermiera|insegnante|pensionato|pensionata|studente|studentessa|consigliere|" +
         "verpleegkundige|arts|docent|leraar|lerares|commissaris|gepensioneerd|vrijwilliger|" +
         "pielęgniarka|lekarz|nauczyciel*|emeryt*|rada nadzorcza|członek rady nadzorczej|" +
         "sjuksköterska|läkare|lärare|styrelseledamot|pensionär", S(Department.Other)),
        ("consultant|consultants|consulting|consultancy|advisor|adviser|advisory|management consultant|consultor|consultora|consulente|" +
         "konsult|konsultant|consultante|berater|*berater|unternehmensberater*|adviseur|partner|associate|working student", N(Department.Other)),

        // Norwegian, Danish and Finnish functions, and the misspellings profiles carry.
        ("innkjøp*|*innkjøp|innkjøper|indkøb*|*indkøb|indkøber|hankinta*|*hankinta|osto*|ostaja|procurment|procurrement|procuremnt|purchaing|purchasng", S(Department.Procurement)),
        ("økonomi*|*økonomi|regnskap*|regnskab*|talous*|*talous|kirjanpit*|bogholder*|laskutus", S(Department.Finance)),
        ("salg*|*salg|selger|sælger|myynti*|*myynti|myyjä", S(Department.Sales)),
        ("markedsføring|markedsfø*|markkinointi*|*markkinointi|viestintä*", S(Department.Marketing)),
        ("henkilöstö*|*henkilöstö|rekrytointi*", S(Department.Hr)),
        ("lakimies|juristi|*juristi|lakiasiain*|juridisk*", S(Department.Legal)),
        ("tietohallinto*|tietotekniikka|*tietotekniikka", S(Department.It)),
        ("tietoturva*|*tietoturva|informasjonssikkerhet|informationssikkerhed|it sikkerhed|it sikkerhet", S(Department.Security)),
        ("ohjelmisto*|utvikler|*utvikler|udvikler|*udvikler|kehittäjä|*kehittäjä|ohjelmoija|swe|swes|systemutvikl*|softwareudvikl*", S(Department.Engineering)),
        ("asiakas*|kundeservice|kundeserv*|asiakaspalvelu*", S(Department.CustomerSuccess)),
        ("tuote*|*tuote", S(Department.Product)),
    ];
}
