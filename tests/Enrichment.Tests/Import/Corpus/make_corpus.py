#!/usr/bin/env python3
"""Writes the import corpus: export shapes of CRMs, prospecting tools and spreadsheets with invented people.

Each FILE gets FILE.expected.json: the data rows in file order with the names as written, and the counts the
import must report. Run from this folder; the files are committed, the script documents how they were made.
"""
import json

PEOPLE = [
    # first, last, email local part, company, domain, title
    ("Jürgen", "Müller", "j.mueller", "Müller & Söhne GmbH", "mueller-soehne.de", "Geschäftsführer"),
    ("Amélie", "Dubois-Lefèvre", "amelie.dubois", "Boulangerie Étoile", "etoile.fr", "Directrice commerciale"),
    ("José", "García Núñez", "jose.garcia", "Cerámicas del Sur, S.L.", "ceramicasdelsur.es", "Jefe de ventas"),
    ("Siobhán", "Ó Briain", "siobhan.obriain", "Cliffside Analytics", "cliffside.ie", "Head of Data"),
    ("Łukasz", "Wiśniewski", "lukasz.wisniewski", "Wisła Logistics", "wisla-logistics.pl", "CTO"),
    ("Zoë", "van der Berg", "zoe.vanderberg", "Tulp & Co", "tulpco.nl", "Marketingmanager"),
    ("Søren", "Kierkegaard-Holm", "soren.holm", "Nordlys ApS", "nordlys.dk", "Salgschef"),
    ("Ngozi", "Okafor-Adeyemi", "ngozi.okafor", "Lagos Fintech Ltd", "lagosfintech.ng", "VP Engineering"),
    ("Aiyana", "Yazzie", "ayazzie", "Red Mesa Solar", "redmesasolar.com", "Operations Lead"),
    ("Mateus", "Gonçalves", "mateus.goncalves", "Padaria Aurora Ltda.", "padariaaurora.com.br", "Gerente de compras"),
    ("Hiroshi", "Tanaka", "h.tanaka", "Sakura Robotics", "sakura-robotics.jp", "Engineering Manager"),
    ("Priya", "Raghunathan", "priya.r", "Chennai Cloudworks", "chennaicloud.in", "Director, Partnerships"),
    ("Nguyễn", "Văn An", "an.nguyen", "Saigon Coffee Export", "saigoncoffee.vn", "Giám đốc"),
    ("Fatima", "Al-Hashimi", "f.alhashimi", "Gulf Desalination Co.", "gulfdesal.ae", "Procurement Officer"),
    ("Dmitri", "Ivanov", "d.ivanov", "Baltic Timber OÜ", "baltictimber.ee", "Head of Sales"),
    ("Ingrid", "Lindqvist", "ingrid.lindqvist", "Fjällräv Design AB", "fjallrav.se", "Creative Director"),
    ("Thandiwe", "Dlamini", "thandiwe.dlamini", "Ubuntu Health (Pty) Ltd", "ubuntuhealth.co.za", "Chief Medical Officer"),
    ("Mei", "Chen", "mei.chen", "Jade River Trading", "jaderiver.com.sg", "Account Executive"),
    ("Kwame", "Mensah", "kwame", "Accra Agritech", "accra-agritech.com.gh", "Founder"),
    ("Anaïs", "Lefèvre", "anais.lefevre", "Château Lumière SAS", "chateau-lumiere.fr", "Responsable export"),
    ("Björn", "Ødegård", "bjorn.odegard", "Fjord Fisk AS", "fjordfisk.no", "Daglig leder"),
    ("Oğuz", "Yılmaz", "oguz.yilmaz", "Boğaziçi Tekstil A.Ş.", "bogazici-tekstil.com.tr", "Satış Müdürü"),
    ("Chloé", "O'Connor", "chloe.oconnor", "Shamrock \"Green\" Energy", "shamrockgreen.ie", "Sustainability Lead"),
    ("Maximilian", "von Stauffenberg-Schloß", "max.stauffenberg", "Schloß Immobilien KG", "schloss-immobilien.de", "Prokurist"),
]


def q(value, sep=",", always=False):
    if always or any(c in value for c in (sep, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


def write(name, text, encoding="utf-8", bom=b""):
    with open(name, "wb") as f:
        f.write(bom + text.encode(encoding))


def expect(name, rows, **counts):
    with open(name + ".expected.json", "w", encoding="utf-8") as f:
        json.dump({"rows": rows, **counts}, f, ensure_ascii=False, indent=1)


def row(line, first, last, email, reason=None, duplicate=False):
    return {"line": line, "first": first, "last": last, "email": email, "reason": reason, "duplicate": duplicate}


# HubSpot: UTF-8 without BOM, CRLF, quotes only where needed, a notes field with a line break.
lines = ["Record ID,First Name,Last Name,Email,Company Name,Website URL,Job Title,Notes"]
rows = []
for i, (f, l, e, c, d, t) in enumerate(PEOPLE[:12]):
    notes = "Met at Web Summit\nfollow up in Q1" if i == 3 else ""
    lines.append(",".join([str(5001 + i), q(f), q(l), f"{e}@{d}", q(c), f"https://www.{d}/", q(t), q(notes)]))
    rows.append(row(len(rows) + 2 + (1 if i > 3 else 0), f, l, f"{e}@{d}"))
write("hubspot-contacts.csv", "\r\n".join(lines) + "\r\n")
expect("hubspot-contacts.csv", rows, separator=",", encoding="utf-8", headerLine=1)

# Salesforce report: every field quoted, LF, "Account Name", a duplicate address in another case.
lines = ['"Contact ID","First Name","Last Name","Title","Account Name","Email","Website","Mailing City"']
rows = []
for i, (f, l, e, c, d, t) in enumerate(PEOPLE[6:18]):
    lines.append(",".join(q(v, always=True) for v in [f"0035g00000ABC{i:03d}", f, l, t, c, f"{e}@{d}", d, "—"]))
    rows.append(row(i + 2, f, l, f"{e}@{d}"))
f, l, e, c, d, t = PEOPLE[6]
lines.append(",".join(q(v, always=True) for v in ["0035g00000ABC999", f, l, t, c, f"{e.upper()}@{d.upper()}", d, "—"]))
rows.append(row(len(rows) + 2, f, l, f"{e}@{d}", duplicate=True))
write("salesforce-report.csv", "\n".join(lines) + "\n")
expect("salesforce-report.csv", rows, separator=",", encoding="utf-8", headerLine=1, duplicates=1)

# Apollo: "Email Status" beside "Email" must not be taken for the address; a catch-all row without email.
lines = ["First Name,Last Name,Title,Company,Company Name for Emails,Email,Email Status,Seniority,Person Linkedin Url,Website,Apollo Contact Id"]
rows = []
for i, (f, l, e, c, d, t) in enumerate(PEOPLE[10:22]):
    email = "" if i == 4 else f"{e}@{d}"
    lines.append(",".join([q(f), q(l), q(t), q(c), q(c), email, "Verified" if email else "Unavailable", "director",
                           f"http://www.linkedin.com/in/{e.replace('.', '-')}", f"http://www.{d}", f"64f{i:05d}a1b2c3"]))
    rows.append(row(i + 2, f, l, email or None))
write("apollo-export.csv", "\n".join(lines) + "\n")
expect("apollo-export.csv", rows, separator=",", encoding="utf-8", headerLine=1)

# Sales Navigator (via an export tool): no email; company pages on LinkedIn are no company domain.
lines = ["First Name,Last Name,Company,Title,Profile URL,Company Website"]
rows = []
for i, (f, l, e, c, d, t) in enumerate(PEOPLE[:10]):
    site = f"https://www.linkedin.com/company/{e.split('.')[0]}" if i in (2, 7) else ("" if i == 5 else f"{d}")
    lines.append(",".join([q(f), q(l), q(c), q(t), f"https://www.linkedin.com/sales/lead/ACwAA{i:04d}", q(site)]))
    reason = "not_a_company_domain" if i in (2, 7) else ("no_domain" if i == 5 else None)
    rows.append(row(i + 2, f, l, None, reason=reason))
write("sales-navigator.csv", "\n".join(lines) + "\n")
expect("sales-navigator.csv", rows, separator=",", encoding="utf-8", headerLine=1)

# Excel "CSV UTF-8": BOM, CRLF, German headers ("Name" beside "Vorname" is the last name), an empty row of separators.
lines = ["Vorname,Name,E-Mail-Adresse,Firma,Webseite,Position"]
rows = []
for i, (f, l, e, c, d, t) in enumerate(PEOPLE[:8]):
    lines.append(",".join([q(f), q(l), f"{e}@{d}", q(c), f"www.{d}", q(t)]))
    rows.append(row(len(rows) + 2, f, l, f"{e}@{d}"))
    if i == 3:
        lines.append(",,,,,")
        rows.append(row(len(rows) + 2, None, None, None, reason="blank"))
write("excel-csv-utf8.csv", "\r\n".join(lines) + "\r\n", bom=b"\xef\xbb\xbf")
expect("excel-csv-utf8.csv", rows, separator=",", encoding="utf-8-bom", headerLine=1)

# Excel semicolon CSV on Western Windows: Windows-1252, "sep=;" first line, French headers, € and ’ in values.
lines = ["sep=;", "Prénom;Nom;Courriel;Société;Site web;Fonction"]
rows = []
for f, l, e, c, d, t in PEOPLE[:22]:
    try:
        text = ";".join([q(f, ";"), q(l, ";"), f"{e}@{d}", q(c + " – 1 €", ";"), d, q(t + "’", ";")])
        text.encode("cp1252")
    except UnicodeEncodeError:
        continue
    lines.append(text)
    rows.append(row(len(rows) + 3, f, l, f"{e}@{d}"))
write("excel-semicolon-1252.csv", "\r\n".join(lines) + "\r\n", encoding="cp1252")
expect("excel-semicolon-1252.csv", rows, separator=";", encoding="windows-1252", headerLine=2)

# Excel "Unicode text": UTF-16 LE with BOM, tab-separated, CRLF, Spanish headers.
lines = ["Nombre\tApellidos\tCorreo electrónico\tEmpresa\tSitio web\tCargo"]
rows = []
for i, (f, l, e, c, d, t) in enumerate(PEOPLE):
    lines.append("\t".join([q(f, "\t"), q(l, "\t"), f"{e}@{d}", q(c, "\t"), f"https://{d}/contacto", q(t, "\t")]))
    rows.append(row(i + 2, f, l, f"{e}@{d}"))
write("excel-unicode-text.txt", "\r\n".join(lines) + "\r\n", encoding="utf-16-le", bom=b"\xff\xfe")
expect("excel-unicode-text.txt", rows, separator="\t", encoding="utf-16le", headerLine=1)

# Dutch CRM, pipe-separated, Excel-style "E-mail 1"/"E-mail 2" (the second fills in when the first is empty).
lines = ["Voornaam|Achternaam|E-mail 1|E-mail 2|Bedrijf|Website|Functie"]
rows = []
for i, (f, l, e, c, d, t) in enumerate(PEOPLE[4:14]):
    first, second = (f"{e}@{d}", f"{e}@gmail.com") if i % 3 else ("", f"{e}@{d}")
    lines.append("|".join([q(f, "|"), q(l, "|"), first, second, q(c, "|"), d, q(t, "|")]))
    rows.append(row(i + 2, f, l, f"{e}@{d}"))
write("dutch-crm-pipe.csv", "\n".join(lines) + "\n")
expect("dutch-crm-pipe.csv", rows, separator="|", encoding="utf-8", headerLine=1)

# A hand-made sheet: a title row and a blank line before the header, a duplicated header, ragged and trailing
# separators, mixed line ends (CRLF, LF, lone CR), a stray quote inside a name, a formula in a cell.
text = ("Q4 prospects – exported 30/11/2026\r\n"
        "\r\n"
        "email,first name,last name,company,email,notes\r\n"
        "ana.silva@padariaaurora.com.br,Ana,Silva,Padaria Aurora,,\n"
        "kofi@accra-agritech.com.gh,Kofi,Boateng,Accra Agritech,,,,\r"
        "li.wei@jaderiver.com.sg,Li,\"Wei\",Jade River,li.wei@jaderiver.com.sg\r\n"
        "marie@etoile.fr,Marie,\"Le \"\"Grand\"\"\",Étoile,,=HYPERLINK(\"http://x.test\")\r\n"
        "o.reilly@cliffside.ie,Seán,O\"Reilly,Cliffside,,\r\n")
rows = [row(4, "Ana", "Silva", "ana.silva@padariaaurora.com.br"), row(5, "Kofi", "Boateng", "kofi@accra-agritech.com.gh"),
        row(6, "Li", "Wei", "li.wei@jaderiver.com.sg"), row(7, "Marie", 'Le "Grand"', "marie@etoile.fr"),
        row(8, "Seán", 'O"Reilly', "o.reilly@cliffside.ie")]
write("hand-made-sheet.csv", text)
expect("hand-made-sheet.csv", rows, separator=",", encoding="utf-8", headerLine=3, ragged=2)

# A plain list: one address a line, blank lines, a display-name form, no header.
text = "anna@nordlys.dk\n\nDoe, Jane <jane@tulpco.nl>\n  mei.chen@jaderiver.com.sg  \nnot an address\n"
rows = [row(1, None, None, "anna@nordlys.dk"), row(2, None, None, None, reason="blank"), row(3, None, None, "jane@tulpco.nl"),
        row(4, None, None, "mei.chen@jaderiver.com.sg"), row(5, None, None, None)]
write("plain-list.txt", text)
expect("plain-list.txt", rows, separator=",", encoding="utf-8", headerLine=0)
