using System.Text;

namespace Enrichment.Import;

/// <summary>
/// Header names the exports of CRMs, prospecting tools and spreadsheets use for each contact field, in English,
/// German, French, Spanish, Portuguese, Dutch and Italian. Compared as keys: lowercase, accents and punctuation gone
/// ("E-Mail-Adresse" → "emailadresse", "Prénom" → "prenom"); a trailing number is ignored ("Email 2").
/// </summary>
public static class HeaderSynonyms
{
    // Declared before ByKey, whose keys it folds. Accents folded by table: the app runs with invariant globalization, where string.Normalize leaves "é" whole.
    private static readonly Dictionary<char, string> Folded = BuildFolded(
        ("àáâãäåāăą", "a"), ("çćčĉ", "c"), ("ďđ", "d"), ("èéêëēėęěĕ", "e"), ("ğĝ", "g"), ("ìíîïīįı", "i"), ("ł", "l"),
        ("ñńňņ", "n"), ("òóôõöøōő", "o"), ("ŕř", "r"), ("śšşș", "s"), ("ťţț", "t"), ("ùúûüūůűų", "u"), ("ýÿ", "y"),
        ("źżž", "z"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"), ("ð", "d"));

    private static readonly Dictionary<string, ContactField> ByKey = Build(
        (ContactField.Email,
        [
            "email", "e-mail", "mail", "email address", "e-mail address", "mail address", "work email", "business email",
            "primary email", "contact email", "email (work)", "work email address", "business email address", "professional email",
            "corporate email", "company email", "office email", "person email", "contact email address", "email id",
            // de
            "e-mail-adresse", "emailadresse", "mailadresse", "geschäftliche e-mail", "geschäftliche e-mail-adresse", "e-mail (geschäftlich)",
            // fr
            "courriel", "adresse courriel", "adresse e-mail", "adresse email", "adresse mail", "adresse électronique", "mél", "email professionnel",
            // es
            "correo", "correo electrónico", "correo electronico", "dirección de correo", "dirección de correo electrónico", "email corporativo", "correo de trabajo",
            // pt
            "endereço de e-mail", "endereço de email", "e-mail profissional", "email profissional", "correio eletrônico", "correio electrónico",
            // nl
            "e-mailadres", "emailadres", "mailadres", "zakelijk e-mailadres", "e-mail zakelijk",
            // it
            "indirizzo email", "indirizzo e-mail", "posta elettronica",
            // fallbacks a CRM adds beside the main address (kept as later email columns)
            "secondary email", "personal email", "other email", "alternate email", "alternative email", "private email", "home email",
            // sv, da, no, pl, tr, ru
            "e-post", "e-postadress", "e-postadresse", "adres e-mail", "e-posta", "e-posta adresi", "электронная почта", "эл почта", "почта",
            // ja, zh, ko
            "メールアドレス", "メール", "eメール", "eメールアドレス", "電子メール", "電子メールアドレス",
            "邮箱", "电子邮件", "电子邮箱", "邮件", "邮箱地址", "电子邮件地址", "電子郵件", "電子郵件地址", "郵箱", "電郵",
            "이메일", "이메일 주소", "전자우편",
        ]),
        (ContactField.FirstName,
        [
            "first name", "firstname", "first", "given name", "forename", "contact first name", "person first name",
            "vorname", "prénom", "nombre", "primer nombre", "nome próprio", "primeiro nome", "voornaam", "roepnaam",
            "förnamn", "fornavn", "imię", "имя", "名", "下の名前",
            "given", "given names", "first names", "christian name", "rufname", "nombre de pila",
        ]),
        (ContactField.LastName,
        [
            "last name", "lastname", "last", "surname", "family name", "contact last name", "person last name",
            "nachname", "familienname", "nom de famille", "nom", "apellido", "apellidos", "primer apellido", "sobrenome",
            "último nome", "apelido", "achternaam", "familienaam", "cognome",
            "efternamn", "efternavn", "etternavn", "nazwisko", "soyad", "soyadı", "фамилия", "姓", "姓氏", "성",
        ]),
        (ContactField.FullName,
        [
            "full name", "fullname", "name", "contact name", "contact", "person name", "contact full name", "display name",
            "vollständiger name", "name des kontakts", "kontakt", "nom complet", "nom et prénom", "nombre completo",
            "nome completo", "nome", "volledige naam", "naam", "contactpersoon", "nome e cognome",
            "namn", "navn", "imię i nazwisko", "ad soyad", "фио", "氏名", "名前", "姓名", "名字", "联系人", "聯絡人", "이름", "성명",
        ]),
        (ContactField.Company,
        [
            "company", "company name", "organization", "organisation", "organization name", "account", "account name",
            "employer", "current company", "company / account", "business name",
            "firma", "firmenname", "unternehmen", "unternehmensname", "arbeitgeber", "organisation name",
            "entreprise", "société", "nom de l'entreprise", "nom de la société", "employeur",
            "empresa", "nombre de la empresa", "compañía", "organización",
            "nome da empresa", "companhia", "organização",
            "bedrijf", "bedrijfsnaam", "organisatie", "werkgever", "azienda", "società",
            "företag", "virksomhed", "selskap", "firma adı", "şirket", "компания", "организация",
            "会社名", "会社", "企業名", "所属", "公司", "公司名称", "单位", "公司名稱", "회사", "회사명",
        ]),
        (ContactField.Website,
        [
            "website", "web site", "domain", "company domain", "company website", "website url", "company url", "url",
            "web", "homepage", "home page", "site", "web address", "company website url", "domain name", "email domain",
            "webseite", "internetseite", "internetadresse", "domäne", "site web", "site internet", "domaine",
            "sitio web", "página web", "dominio", "sítio web", "site da empresa", "domínio", "domein", "sito web",
            "webbplats", "hjemmeside", "nettside", "strona www", "web sitesi", "сайт", "ウェブサイト", "ホームページ", "网站", "网址", "網站", "웹사이트", "홈페이지",
        ]),
        (ContactField.Title,
        [
            "title", "job title", "position", "job position", "role", "job role", "job function", "designation", "headline",
            "titel", "position im unternehmen", "berufsbezeichnung", "funktion", "stellenbezeichnung", "jobtitel",
            "poste", "fonction", "titre", "intitulé du poste", "cargo", "puesto", "título", "título do cargo", "função",
            "functie", "functietitel", "baan", "ruolo", "qualifica",
            "titel", "stanowisko", "unvan", "должность", "役職", "職位", "职位", "职务", "職稱", "직함", "직책", "직위",
        ]),
        (ContactField.Id,
        [
            "id", "record id", "record id - contact", "contact id", "lead id", "person id", "external id", "crm id", "hubspot id",
            "salesforce id", "apollo contact id", "apollo id", "row id", "customer id", "kontakt-id", "kunden-id",
            "identifiant", "id du contact", "identificador", "id de contacto", "id do contato", "klant-id", "contact-id",
        ]));

    /// <summary>The field a header names, or null. Ignores case, accents, punctuation and a trailing number.</summary>
    public static ContactField? Match(string header)
    {
        var key = Key(header);
        if (key.Length == 0)
        {
            return null;
        }

        if (ByKey.TryGetValue(key, out var field))
        {
            return field;
        }

        var trimmed = key.TrimEnd("0123456789".ToCharArray());
        return trimmed.Length > 0 && trimmed.Length < key.Length && ByKey.TryGetValue(trimmed, out field) ? field : null;
    }

    /// <summary>"E-Mail-Adresse " → "emailadresse"; "Prénom" → "prenom"; "Straße" → "strasse".</summary>
    public static string Key(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var key = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterOrDigit(lower))
            {
                key.Append(lower);
            }
            else if (Folded.TryGetValue(lower, out var ascii))
            {
                key.Append(ascii);
            }
            else if (char.IsLetterOrDigit(lower))
            {
                key.Append(lower);
            }
        }

        return key.ToString();
    }

    private static Dictionary<char, string> BuildFolded(params (string Letters, string Ascii)[] groups)
    {
        var map = new Dictionary<char, string>();
        foreach (var (letters, ascii) in groups)
        {
            foreach (var letter in letters)
            {
                map[letter] = ascii;
            }
        }

        return map;
    }

    private static Dictionary<string, ContactField> Build(params (ContactField Field, string[] Names)[] groups)
    {
        var map = new Dictionary<string, ContactField>(StringComparer.Ordinal);
        foreach (var (field, names) in groups)
        {
            foreach (var name in names)
            {
                // First claim wins: "nom" is a last name in French before anything else.
                map.TryAdd(Key(name), field);
            }
        }

        return map;
    }
}
