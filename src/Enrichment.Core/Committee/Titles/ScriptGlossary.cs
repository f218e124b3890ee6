using System.Collections.Frozen;
using System.Text;

namespace Enrichment.Committee.Titles;

/// <summary>
/// Japanese, Chinese, Korean and Arabic title words rewritten as the English words the vocabularies already read
/// ("購買部 部長" → "procurement director"). Chinese and Japanese do not separate words and Arabic glues its article
/// and prepositions to the noun ("للمبيعات", for the sales), so words are found as substrings, longest first, left to
/// right; whatever is not in the glossary is dropped with the rest of the non-Latin text. The English words are
/// chosen for the rank the word has in a directory translation: 部長 / 부장 / 总监 → director, 課長 / 과장 / 经理 →
/// manager, 担当 → specialist.
/// </summary>
internal static class ScriptGlossary
{
    private static readonly (string Native, string English)[] Entries = Expand(
    [
        // Chief … Officer spelled out, which the Latin rules cannot see.
        ("首席执行官|首席執行官|執行長|执行长|最高経営責任者|최고경영자|최고경영책임자|الرئيس التنفيذي|المدير التنفيذي|الرئيسة التنفيذية", "ceo"),
        ("首席财务官|首席財務官|財務長|财务长|最高財務責任者|최고재무책임자|المدير المالي التنفيذي", "cfo"),
        ("首席技术官|首席技術官|技術長|技术长|最高技術責任者|최고기술책임자|الرئيس التقني|المدير التقني", "cto"),
        ("首席信息官|首席資訊官|資訊長|信息长|最高情報責任者|최고정보책임자|مدير تقنية المعلومات التنفيذي", "cio"),
        ("首席信息安全官|首席資訊安全官|首席安全官|資安長|最高情報セキュリティ責任者|최고정보보호책임자|최고정보보안책임자|최고보안책임자|مدير أمن المعلومات التنفيذي", "ciso"),
        ("首席运营官|首席營運官|營運長|运营长|最高執行責任者|최고운영책임자|الرئيس التنفيذي للعمليات|مدير العمليات التنفيذي", "coo"),
        ("首席营销官|首席行銷官|行銷長|最高マーケティング責任者|최고마케팅책임자|الرئيس التنفيذي للتسويق", "cmo"),
        ("首席人力资源官|首席人力資源官|最高人事責任者|최고인사책임자|الرئيس التنفيذي للموارد البشرية", "chro"),
        ("首席产品官|首席產品官|最高製品責任者|최고제품책임자", "chief product officer"),
        ("首席数据官|首席數據官|最高データ責任者|최고데이터책임자", "chief data officer"),
        ("首席法务官|首席法務官|最高法務責任者|최고법무책임자", "chief legal officer"),
        ("首席采购官|首席採購官|最高調達責任者|최고구매책임자", "chief procurement officer"),
        ("首席数字官|首席數位官", "chief digital officer"),
        ("首席|수석", "principal"),

        // Ranks.
        ("董事长|董事長|会長|회장|رئيس مجلس الإدارة", "chairman"),
        ("代表取締役|대표이사|대표 이사", "ceo"),
        ("대표", "ceo"),
        ("社長|总裁|總裁|사장", "president"),
        ("副社長|副总裁|副總裁|부사장|نائب الرئيس|نائبة الرئيس", "vice president"),
        ("専務取締役|常務取締役|専務|常務|執行役員|전무|상무", "vice president"),
        ("取締役", "managing director"),
        ("总经理助理|總經理助理|总裁助理|總裁助理|董事长助理|董事長助理|社長秘書|사장 비서|대표 비서", "assistant to the ceo"),
        ("总经理|總經理|总經理|مدير عام|المدير العام|مديرة عامة", "general manager"),
        ("副总经理|副總經理", "deputy general manager"),
        ("副总监|副總監", "deputy director"),
        ("本部長|事業部長|部長|总监|總監|部长|部門長|본부장|부장|실장|이사|ディレクター|رئيس قسم|رئيسة قسم|رئيس إدارة|مدير إدارة|مديرة إدارة|مدير قسم", "director"),
        ("次長|차장", "manager"),
        ("課長|经理|經理|과장|マネージャー|マネジャー|マネージャ|매니저|مديرة|مدير", "manager"),
        ("係長|主管|主任|مشرف|مشرفة", "supervisor"),
        ("팀장|组长|組長|チームリーダー|グループリーダー|グループ長|チーム長", "team lead"),
        ("대리", "assistant manager"),
        ("负责人|負責人|責任者|رئيس|رئيسة", "head of"),
        ("リーダー|리더", "lead"),
        ("创始人|創始人|创办人|創辦人|創業者|創設者|설립자|창업자|مؤسس|مؤسسة", "founder"),
        ("联合创始人|聯合創始人|共同创办人|共同創辦人|共同創業者|공동창업자|공동설립자|شريك مؤسس|المؤسس المشارك", "cofounder"),
        ("合伙人|合夥人|パートナー|파트너|شريك", "partner"),
        ("顾问|顧問|고문|자문", "advisor"),
        ("董事|監査役|사외이사|عضو مجلس الإدارة", "board member"),
        ("高级|高級|资深|資深|シニア|선임|시니어|كبير|كبيرة|أول|أولى", "senior"),
        ("副|نائب", "deputy"),
        ("专员|專員|担当者|担当|スペシャリスト|담당자|담당|전문가|أخصائي|اخصائي|أخصائية|اخصائية|مختص|مختصة", "specialist"),
        ("工程师|工程師|エンジニア|엔지니어|技師|مهندس|مهندسة", "engineer"),
        ("开发者|開發者|开发人员|開發人員|開発者|デベロッパー|プログラマー|程序员|程式設計師|개발자|프로그래머|مطور|مطورة|مبرمج|مبرمجة", "developer"),
        ("架构师|架構師|アーキテクト|아키텍트|معماري", "architect"),
        ("分析师|分析師|アナリスト|분석가|애널리스트|محلل|محللة", "analyst"),
        ("科学家|サイエンティスト|사이언티스트", "scientist"),
        ("研究员|研究員|연구원|باحث|باحثة", "researcher"),
        ("设计师|設計師|デザイナー|디자이너|مصمم|مصممة", "designer"),
        ("顾问师|コンサルタント|컨설턴트|استشاري|استشارية", "consultant"),
        ("会计师|會計師|会計士|회계사|محاسب قانوني", "accountant"),
        ("会计|會計|محاسب|محاسبة", "accountant"),
        ("律师|律師|弁護士|변호사|محامي|محامية|محام", "lawyer"),
        ("法律顾问|法律顧問|법률고문|مستشار قانوني|مستشارة قانونية", "legal counsel"),
        ("مسؤول|مسؤولة", "officer"),
        ("协调员|協調員|コーディネーター|코디네이터|منسق|منسقة", "coordinator"),
        ("営業担当|영업 담당|영업담당|영업대표|영업 대표", "sales representative"),
        ("职员|職員|社員|员工|員工|スタッフ|사원|직원|موظف|موظفة", "employee"),
        ("助理|アシスタント|어시스턴트|보조|مساعد|مساعدة", "assistant"),
        ("秘书|秘書|비서", "executive secretary"),
        ("سكرتير|سكرتيرة", "secretary"),
        ("实习生|實習生|实习|實習|インターン|인턴|متدرب|متدربة", "intern"),
        ("兼|及び|および|및", ","),

        // Functions.
        ("采购|採購|购买|購買|调达|調達|資材|구매|조달|مشتريات|المشتريات|التوريد", "procurement"),
        ("供应链|供應鏈|サプライチェーン|공급망|سلسلة التوريد|سلاسل الإمداد", "supply chain"),
        ("法务|法務|法律|法规|法規|知的財産|知財|법무|قانوني|قانونية|القانونية|الشؤون القانونية", "legal"),
        ("合规|合規|コンプライアンス|컴플라이언스|준법|الامتثال|امتثال", "compliance"),
        ("财务|財務|금융|재무|مالي|مالية|المالية|المالي", "finance"),
        ("経理|회계|경리|المحاسبة", "accounting"),
        ("审计|審計|監査|감사|التدقيق|تدقيق", "internal audit"),
        ("税务|稅務|税務|세무|الضرائب", "tax"),
        ("人力资源|人力資源|人力|人事|招聘|採用|인사|인력|채용|الموارد البشرية|موارد بشرية|شؤون الموظفين|التوظيف", "hr"),
        ("销售|銷售|营业|營業|営業|业务|業務|영업|세일즈|مبيعات|المبيعات", "sales"),
        ("商务拓展|事業開発|사업개발|تطوير الأعمال", "business development"),
        ("客户成功|客戶成功|カスタマーサクセス|고객성공|고객 성공|نجاح العملاء", "customer success"),
        ("客服|客户服务|客戶服務|カスタマーサポート|カスタマーサービス|고객지원|고객 지원|고객서비스|خدمة العملاء", "customer service"),
        ("市场营销|市場行銷|市场|市場|营销|行銷|マーケティング|마케팅|التسويق|تسويق", "marketing"),
        ("品牌|ブランド|브랜드|العلامة التجارية", "brand"),
        ("公关|公關|広報|홍보|العلاقات العامة", "public relations"),
        ("信息安全|資訊安全|资讯安全|資安|情報セキュリティ|情報セキュリティー|정보보안|정보보호|أمن المعلومات|الأمن السيبراني|أمن سيبراني", "information security"),
        ("网络安全|網路安全|サイバーセキュリティ|사이버보안", "cybersecurity"),
        ("安全|セキュリティ|보안|الأمن", "security"),
        ("信息技术|資訊技術|信息系统|資訊系統|信息部|資訊部|信息中心|情報システム|情シス|システム|电脑|電腦|전산|정보시스템|정보기술|تقنية المعلومات|تكنولوجيا المعلومات|نظم المعلومات|أنظمة المعلومات", "it"),
        ("运维|運維|インフラ|인프라|البنية التحتية", "infrastructure"),
        ("网络|網路|ネットワーク|네트워크|الشبكات|شبكات", "network"),
        ("软件|軟體|软体|ソフトウェア|소프트웨어|البرمجيات|برمجيات", "software"),
        ("研发|研發|研究開発|연구개발|البحث والتطوير", "rnd"),
        ("开发|開發|開発|技术|技術|기술|개발|الهندسة|هندسة", "engineering"),
        ("数据|數據|データ|데이터|البيانات|بيانات", "data"),
        ("产品|產品|製品|プロダクト|제품|프로덕트|المنتجات|المنتج|منتج", "product"),
        ("运营|營運|运作|オペレーション|운영|العمليات|عمليات", "operations"),
        ("物流|ロジスティクス|물류|الخدمات اللوجستية|اللوجستيات", "logistics"),
        ("生产|生產|生産|製造|생산|제조|الإنتاج|التصنيع", "production"),
        ("行政|総務|总务|總務|총무|إداري|إدارية|الإدارية", "administration"),
        ("经营企画|経営企画|战略|戰略|経営戦略|전략|الاستراتيجية|استراتيجية", "strategy"),
    ]);

    private static readonly FrozenDictionary<char, (string Native, string English)[]> ByFirst = Entries
        .GroupBy(e => e.Native[0])
        .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Native.Length).ToArray());

    /// <summary>Whether the text holds a letter of a script the glossary reads (anything above Latin Extended).</summary>
    public static bool Applies(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0370' && ByFirst.ContainsKey(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every glossary word replaced by its English words, set apart by spaces.</summary>
    public static string Translate(string text)
    {
        var builder = new StringBuilder(text.Length * 3);
        for (var i = 0; i < text.Length;)
        {
            if (ByFirst.TryGetValue(text[i], out var candidates) && Match(text, i, candidates) is { } hit)
            {
                builder.Append(' ').Append(hit.English).Append(' ');
                i += hit.Native.Length;
            }
            else
            {
                builder.Append(text[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    private static (string Native, string English)? Match(string text, int at, (string Native, string English)[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (string.CompareOrdinal(text, at, candidate.Native, 0, candidate.Native.Length) == 0)
            {
                return candidate;
            }
        }

        return null;
    }

    private static (string, string)[] Expand((string Natives, string English)[] rows) =>
        [.. rows.SelectMany(r => r.Natives.Split('|').Select(n => (n, r.English)))];
}
