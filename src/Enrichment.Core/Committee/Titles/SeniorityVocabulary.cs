namespace Enrichment.Committee.Titles;

/// <summary>
/// The rank words of COMMITTEE.md in the nine languages our users' lists carry (en, de, fr, es, pt, it, nl, pl, sv),
/// written with their real letters; <see cref="PhraseTable{T}"/> folds them (ä → a and ae). Phrases are
/// '|'-separated; a longer phrase hides the words inside it.
/// </summary>
internal static class SeniorityVocabulary
{
    private static SeniorityCue C(Department department, bool open = false) => new(Cue.CLevel, department, open);

    public static IEnumerable<(string, SeniorityCue)> Entries() =>
    [
        // C-level that is always the executive function, whatever else the title names.
        ("ceo|ceos|chief executive|cxo|clevel|c level|c suite|founder|founders|cofounder|co founder|founding partner|founding member|" +
         "owner|coowner|co owner|business owner|franchise owner|proprietor|ceo founder|" +
         "gründer|gründerin|mitgründer|mitgründerin|mitbegründer|mitbegründerin|inhaber|inhaberin|geschäftsinhaber|geschäftsinhaberin|firmeninhaber|firmeninhaberin|" +
         "fondateur|fondatrice|cofondateur|cofondatrice|co fondateur|co fondatrice|pdg|président directeur général|présidente directrice générale|" +
         "fundador|fundadora|cofundador|cofundadora|co fundador|co fundadora|socio fundador|socia fundadora|propietario|propietaria|dueño|dueña|" +
         "presidente ejecutivo|presidenta ejecutiva|director ejecutivo|directora ejecutiva|" +
         "sócio fundador|sócia fundadora|proprietário|proprietária|dono|dona|diretor executivo|diretora executiva|diretor presidente|diretora presidente|" +
         "fondatore|cofondatore|socio fondatore|socia fondatrice|titolare|amministratore delegato|amministratrice delegata|amministratore unico|" +
         "oprichter|oprichtster|medeoprichter|mede oprichter|eigenaar|eigenares|mede eigenaar|directeur eigenaar|directeur grootaandeelhouder|dga|" +
         "grundare|grundarinna|medgrundare|ägare|delägare och vd|" +
         "założyciel|założycielka|współzałożyciel|współzałożycielka|właściciel|właścicielka|współwłaściciel|współwłaścicielka|" +
         "consejero delegado|consejera delegada", C(Department.Executive)),

        // C-level executive words a named function may override ("Vorstand Finanzen", "Geschäftsführer Technik").
        ("president|presidente|presidenta|président|présidente|präsident|präsidentin|prezes|prezeska|" +
         "managing director|managing directors|managing partner|executive chair|executive chairman|executive chairwoman|chairman|chairwoman|chairperson|md|" +
         "geschäftsführer|geschäftsführerin|geschäftsführender|geschäftsführende|geschäftsführender gesellschafter|mitglied der geschäftsführung|" +
         "mitglied der geschäftsleitung|geschäftsleiter|geschäftsleiterin|geschäftsleitung|hauptgeschäftsführer|vorstand|vorständin|vorstandsvorsitzender|" +
         "membre du directoire|président du directoire|présidente du directoire|membre du comité exécutif|membre du comex|vorstandsvorsitzende|vorstandsmitglied|mitglied des vorstands|vorstandssprecher|generaldirektor|generaldirektorin|" +
         "directeur général|directrice générale|directeur general|dg|gérant|gérante|associé gérant|associée gérante|" +
         "director general|directora general|general director|gerente general|socio director|socia directora|socio gerente|" +
         "diretor geral|diretora geral|gerente geral|sócio diretor|sócia diretora|sócio gerente|" +
         "direttore generale|direttrice generale|socio amministratore|consigliere delegato|consigliera delegata|" +
         "algemeen directeur|algemeen directrice|algemeen direkteur|statutair directeur|bestuurder|bestuursvoorzitter|voorzitter raad van bestuur|lid raad van bestuur|" +
         "vd|verkställande direktör|koncernchef|" +
         "dyrektor generalny|dyrektor generalna|dyrektor zarządzający|dyrektorka zarządzająca|prezes zarządu|członek zarządu|członkini zarządu", C(Department.Executive, open: true)),

        ("general counsel|group general counsel|chief counsel|chief legal counsel|gc|chefsjurist|chefjurist|chefjustiziar|chefjustitiar|chefjustiziarin", C(Department.Legal)),
        ("cfo|cao", C(Department.Finance)),
        ("coo|csco", C(Department.Operations)),
        ("cto", C(Department.Engineering)),
        ("cio|cdio", C(Department.It)),
        ("ciso|cso|cisso", C(Department.Security)),
        ("cmo|cgo", C(Department.Marketing)),
        ("cro|cco|cbo|cso sales", C(Department.Sales)),
        ("chro|cpeo|chief people|cho", C(Department.Hr)),
        ("cpo|cpto", C(Department.Product)),
        ("cdo|cdao|caio", C(Department.Data)),
        ("clo", C(Department.Legal)),
        ("cno|cmio", C(Department.Other)),

        ("vp|vps|svp|evp|gvp|rvp|vice president|vicepresident|senior vice president|executive vice president|group vice president|regional vice president|" +
         "area vice president|corporate vice president|vice presidents|vizepräsident|vizepräsidentin|vice président|vice présidente|vicepresidente|vicepresidenta|" +
         "vice presidente|vice presidenta|wiceprezes|wiceprezeska|wiceprezes zarządu|vice vd|vvd|general manager|gm|country manager|country head|head of country|" +
         "vice chair|vice chairman|vice chairwoman|bereichsvorstand|directeur général adjoint|directrice générale adjointe|director general adjunto|" +
         "directora general adjunta|subdirector general|subdirectora general|vicedirettore generale|zastępca prezesa|zastępczyni prezesa|vice vd|" +
         "stellvertretender geschäftsführer|stellvertretende geschäftsführerin|stv geschäftsführer|managing director deputy", new SeniorityCue(Cue.Vp)),

        ("dyr|dyrektor*|pełnomocnik*|director|directors|directora|directeur|directrice|diretor|diretora|direttore|direttrice|dyrektor|dyrektorka|direktor|direktorin|direktör|dir|" +
         "*direktor|*direktorin|*directeur|dirigente|dirigent|subdirector|subdirectora|subdiretor|subdiretora|vicedirettore|vicedirettrice|wicedyrektor|" +
         "head|heads|head of|*hoofd|hoofd|controller|controllerin|*controller|comptroller|financial controller|treasurer|trésorier|trésorière|tesorero|tesorera|" +
         "tesoureiro|tesoureira|tesoriere|contrôleur|contrôleuse|kontroler|kontrolerka|" +
         "chief of staff|chef de cabinet|jefe de gabinete|jefa de gabinete|stabschef|" +
         "assistant general manager|deputy general manager|assistant general counsel|associate general counsel|deputy general counsel|agc|dgc|avp|assistant vice president|associate vice president|" +
         "*leiter|*leiterin|leitung|*leitung|chef|*chef|chef för|prokurist|prokuristin|główny księgowy|główna księgowa|chief accountant|" +
         "dsi|drh|daf|raf|dsi adjoint", new SeniorityCue(Cue.Director)),

        ("manager|managers|managerin|*manager|*managerin|mgr|mngr|manger|maneger|mananger|managr|team lead|team leader|teamlead|teamleader|team lider|" +
         "teamleitung*|gruppenleitung*|projektleitung*|schichtleitung*|filialleitung*|teamleiter*|gruppenleiter*|projektleiter*|schichtleiter*|filialleiter*|marktleiter*|bauleiter*|objektleiter*|" +
         "teamleider*|projectleider*|*leider|bedrijfsleider|leidinggevende|teamledare|*ledare|" +
         "supervisor|supervisora|superviseur|superviseure|supervisore|supervisorin|assistant manager|" +
         "menedżer|menadżer|menedżerka|menedzer|meister|*meister|meisterin|mistrz|brygadzista|brygadzistka|resp|kier|responsable|responsables|responsabile|ansvarig|*ansvarig|gerente|gerenta|jefe|jefa|kierownik*|kierowniczk*|*kierownik|" +
         "chef de|chef d|capo|capoufficio|caporeparto|coordenador|coordenadora|encargado|encargada|encarregado|encarregada|gestor|gestora|" +
         "líder de equipo|líder de equipe|lider zespołu|liderka zespołu|" +
         "information security officer|iso|isso|security officer|it security officer|data protection officer|dpo|privacy officer|compliance officer|" +
         "rssi|rrh|délégué à la protection des données|délégué protection des données|dpd|delegado de protección de datos|delegada de protección de datos|" +
         "encarregado de dados|encarregado de proteção de dados|inspektor ochrony danych|iod|functionaris gegevensbescherming|dataskyddsombud|" +
         "*beauftragter|*beauftragte|beauftragter|pm|tpm|csm|kam|pmo", new SeniorityCue(Cue.Manager)),

        ("architect|architects|*architect|architekt|architektin|*architekt|*architektin|architecte|arquitecto|arquitecta|arquiteto|arquiteta|architetto|" +
         "arkitekt|*arkitekt|expert|experte|expertin|ekspert|ekspertka|experto|experta|esperto|esperta|hrbp|business partner|senior counsel|" +
         "tech lead|technical lead|seniorkonsult|chefingenieur", new SeniorityCue(Cue.SeniorIc)),

        ("senior|seniors|sr|snr|sénior|sênior|staff|principal|starszy|starsza|główny|główna|confirmé|confirmée|expérimenté|expérimentée|" +
         "erfahrener|erfahrene|ervaren", new SeniorityCue(Cue.SeniorModifier)),
        ("lead|líder|lider|liderka", new SeniorityCue(Cue.Lead)),
        ("iii|iv|v|vi|vii|3|4|5|6|l3|l4|l5|l6|level 3|level 4|level 5|ic3|ic4|ic5", new SeniorityCue(Cue.HighLevel)),
        ("lead generation|lead gen|leadgen|lead management|lead nurturing|leads", new SeniorityCue(Cue.Neutral)),

        (IcNouns, new SeniorityCue(Cue.Ic)),
        ("partner|partners|principal partner|associé|associée|socio|socia|sócio|sócia|vennoot|wspólnik|wspólniczka|delägare|teilhaber|teilhaberin|" +
         "gesellschafter|gesellschafterin|advisor|adviser|advisors|adviseur|adviseuse|rådgivare|doradca|berater", new SeniorityCue(Cue.Partner)),

        ("intern|interns|internship|trainee|trainees|apprentice|working student|werkstudent|werkstudentin|praktikant|praktikantin|auszubildender|" +
         "auszubildende|azubi|volontär|volontärin|dualer student|duale studentin|stagiaire|stagiair|alternant|alternante|apprenti|apprentie|" +
         "becario|becaria|practicante|pasante|estagiário|estagiária|aprendiz|menor aprendiz|stagista|tirocinante|apprendista|" +
         "stażysta|stażystka|praktykant|praktykantka|sommarjobbare|graduate trainee|summer intern|summer analyst|summer associate|co op|werkstudent*|praktikant*", new SeniorityCue(Cue.Trainee)),

        ("assistant|assistants|asst|assistante|assistent|assistentin|*assistent|*assistentin|assistenz|*assistenz|assistente|asistente|asystent|asystentka|" +
         "secretary|secrétaire|secretaria|secretario|secretário|secretária|segretaria|segretario|sekretärin|sekretär|sekretarka|sekretarz|sekreterare|" +
         "*sekreterare|secretaresse|*secretaresse|receptionist|receptionistin|réceptionniste|recepcionista|receptionista|recepcjonista|recepcjonistka|" +
         "rezeptionist|rezeptionistin|empfang|auxiliar|auxiliar administrativo|auxiliar administrativa|administrativo|administrativa|administrative assistant|" +
         "admin assistant|office assistant|executive assistant|executive secretary|secretaria ejecutiva|secretária executiva|personal assistant|ea|vd assistent|ledningsassistent|direktionsassistent*|" +
         "teamassistent*|chefsekretär*|asistente de dirección|asystentka zarządu|asystent zarządu|assistente di direzione|directiesecretaresse|" +
         "office administrator|administrative officer|empfangsmitarbeiter|empfangsmitarbeiterin", new SeniorityCue(Cue.Assistant)),

        // Norwegian, Danish and Finnish: the CEO words, "-sjef" read like Swedish "-chef", Finnish "-johtaja" (director)
        // and "-päällikkö" (manager), Norwegian and Danish "leder" (manager).
        ("daglig leder|administrerende direktør|adm direktør|adm dir|toimitusjohtaja|konsernsjef|koncernchef", C(Department.Executive)),
        ("*sjef|sjef|*johtaja|johtaja|direktør|directr|drector|dirctor|diretcor", new SeniorityCue(Cue.Director)),
        ("*päällikkö|päällikkö|*leder|leder|esimies|*esimies|mellemleder", new SeniorityCue(Cue.Manager)),
        ("utvikler|*utvikler|udvikler|*udvikler|kehittäjä|*kehittäjä|insinööri|*insinööri|ohjelmoija|asiantuntija|*asiantuntija|suunnittelija|*suunnittelija|" +
         "myyjä|selger|sælger|indkøber|innkjøper|ostaja|kirjanpitäjä|regnskapsfører|bogholder|lakimies|juristi|swe|swes|konsulent|rådgiver", new SeniorityCue(Cue.Ic)),

        ("deputy|vice|stellvertretender|stellvertretende|stellv|stv|zastępca|zastępczyni|adjunct|acting deputy", new SeniorityCue(Cue.Deputy)),
        ("adjoint|adjointe|adjunto|adjunta|aggiunto|aggiunta", new SeniorityCue(Cue.DeputyAfter)),

        ("retired|self employed|unemployed|open to work|seeking|looking for|volunteer|rentner|rentnerin|ruhestand|im ruhestand|retraité|retraitée|" +
         "jubilado|jubilada|aposentado|aposentada|pensionato|pensionata|gepensioneerd|emeryt|emerytka|pensionär|selbstständig|selbständig|" +
         "auto entrepreneur|autónomo|autónoma|autônomo|autônoma|zzp|zzp er|zzper|egenföretagare|bénévole|voluntario|voluntaria|vrijwilliger|" +
         "wolontariusz|wolontariuszka", new SeniorityCue(Cue.Status)),
        ("board member|board members|member of the board|board of directors|board director|non executive director|non executive|non exec|ned|" +
         "independent director|independent board member|board advisor|advisory board|advisory board member|investor|angel investor|business angel|" +
         "self employed|freelance|freelancer|retired|student|volunteer|unemployed|open to work|seeking|looking for|" +
         "aufsichtsrat|aufsichtsrätin|aufsichtsratsmitglied|aufsichtsratsvorsitzender|beirat|beirätin|beiratsmitglied|selbstständig|selbständig|" +
         "freiberufler|freiberuflerin|freiberuflich|rentner|rentnerin|ruhestand|im ruhestand|studentin|" +
         "administrateur indépendant|retraité|retraitée|étudiant|étudiante|bénévole|indépendant|indépendante|auto entrepreneur|" +
         "consejero|consejera|miembro del consejo|jubilado|jubilada|estudiante|voluntario|voluntaria|autónomo|autónoma|" +
         "conselheiro|conselheira|membro do conselho|aposentado|aposentada|estudante|autônomo|autônoma|" +
         "consigliere|consigliera|consigliere di amministrazione|pensionato|pensionata|studente|studentessa|volontario|volontaria|libero professionista|" +
         "commissaris|raad van commissarissen|toezichthouder|gepensioneerd|vrijwilliger|zzp|zzp er|zzper|zelfstandige|zelfstandig ondernemer|" +
         "członek rady nadzorczej|rada nadzorcza|emeryt|emerytka|wolontariusz|wolontariuszka|" +
         "styrelseledamot|ledamot|styrelseordförande|pensionär|egenföretagare|frilans|frilansare", new SeniorityCue(Cue.Unknown)),
    ];

    // Individual-contributor nouns: the job itself, without a rank word.
    private const string IcNouns =
        // English
        "engineer|engineers|enginer|engeneer|engineeer|developer|developers|develloper|dev|devs|programmer|coder|analyst|analysts|specialist|specialists|specialst|" +
        "coordinator|cordinator|coordiantor|co ordinator|representative|rep|reps|associate|associates|assoc|accountant|accountants|acountant|bookkeeper|buyer|" +
        "buyers|purchaser|recruiter|recuiter|recruiters|sourcer|counsel|attorney|lawyer|solicitor|paralegal|administrator|admin|sysadmin|account executive|ae|" +
        "executive|exec|sdr|bdr|consultant|consultants|product owner|process owner|scrum master|technician|technologist|designer|writer|copywriter|editor|" +
        "agent|clerk|generalist|officer|scientist|researcher|planner|auditor|tester|strategist|marketer|member of technical staff|mts|operator|" +
        "instructor|trainer|underwriter|broker|dispatcher|producer|evangelist|advocate|nurse|teacher|professor|lecturer|physician|pharmacist|" +
        "company secretary|corporate secretary|staff accountant|employee|worker|sre|dba|qa|devops engineer|data entry|expert comptable|" +
        // German
        "ingenieur|ingenieurin|*ingenieur|*ingenieurin|*entwickler*|*referent|*referentin|referent|referentin|*sachbearbeiter|*sachbearbeiterin|" +
        "sachbearbeiter|sachbearbeiterin|*mitarbeiter|*mitarbeiterin|mitarbeiter|mitarbeiterin|*einkäufer|*einkäuferin|einkäufer|einkäuferin|" +
        "*buchhalter|*buchhalterin|buchhalter|buchhalterin|*kaufmann|*kauffrau|kaufmann|kauffrau|*analyst|*analystin|analystin|*spezialist|*spezialistin|" +
        "spezialist|spezialistin|administratorin|*administrator|*administratorin|techniker|technikerin|*techniker|*technikerin|informatiker|" +
        "informatikerin|*informatiker|*informatikerin|jurist|juristin|*jurist|*juristin|rechtsanwalt|rechtsanwältin|*rechtsanwalt|*rechtsanwältin|anwalt|" +
        "anwältin|syndikus|syndikusanwalt|syndikusanwältin|justiziar|justiziarin|justitiar|verkäufer|verkäuferin|*verkäufer|*verkäuferin|recruiterin|" +
        "disponent|disponentin|planer|planerin|*planer|fachkraft|*fachkraft|angestellte|angestellter|koordinator|koordinatorin|*koordinator|" +
        "*koordinatorin|*berater|*beraterin|beraterin|designerin|entwicklerin|consultantin|kundenbetreuer|kundenbetreuerin|" +
        "*innendienst|*außendienst|innendienst|außendienst|servicetechniker*|kundendiensttechniker*|steuerfachangestellte|steuerfachangestellter|bilanzbuchhalter|bilanzbuchhalterin|" +
        // French
        "ingénieur|ingénieure|développeur|développeuse|developpeur|analyste|chargé|chargée|chargé de|chargée de|technicien|technicienne|consultante|" +
        "comptable|acheteur|acheteuse|juriste|avocat|avocate|commercial|commerciale|gestionnaire|conseiller|conseillère|attaché|attachée|" +
        "collaborateur|collaboratrice|employé|employée|opérateur|opératrice|auditeur|auditrice|délégué|déléguée|délégué commercial|vendeur|vendeuse|" +
        "administrateur|administratrice|approvisionneur|approvisionneuse|scientifique|ingénieur* d affaires|ingénieur* commercial*|recruteur|recruteuse|infirmier|infirmière|enseignant|enseignante|" +
        // Spanish
        "administrador|administradora|coordinador|coordinadora|coordinateur|coordinatrice|coordinatore|ingeniero|ingeniera|desarrollador|desarrolladora|programador|programadora|analista|especialista|técnico|técnica|consultor|consultora|" +
        "asesor|asesora|contador|contadora|contable|comprador|compradora|abogado|abogada|reclutador|reclutadora|vendedor|vendedora|comercial|" +
        "ejecutivo|ejecutiva|ejecutivo de cuentas|ejecutiva de cuentas|representante|agente|operario|operaria|asociado|asociada|letrado|letrada|" +
        "científico|científica|cientista|enfermero|enfermera|profesor|profesora|docente|empleado|empleada|" +
        // Portuguese
        "engenheiro|engenheira|desenvolvedor|desenvolvedora|executivo|executiva|advogado|advogada|recrutador|recrutadora|operador|operadora|" +
        "enfermeiro|professora|funcionário|funcionária|colaborador|colaboradora|" +
        // Italian
        "ingegnere|sviluppatore|sviluppatrice|programmatore|programmatrice|tecnico|tecnica|specialista|consulente|contabile|ragioniere|ragioniera|" +
        "compratore|avvocato|giurista|legale|venditore|venditrice|agente di commercio|addetto|addetta|impiegato|impiegata|operatore|operatrice|" +
        "sistemista|analista programmatore|infermiere|infermiera|insegnante|" +
        // Dutch
        "medewerker|medewerkster|*medewerker|*medewerkster|ontwikkelaar|*ontwikkelaar|programmeur|analist|*analist|*adviseur|beheerder|*beheerder|" +
        "boekhouder|*boekhouder|inkoper|*inkoper|verkoper|*verkoper|vertegenwoordiger|marketeer|*marketeer|planner|*planner|werkvoorbereider|" +
        "*specialist|*consultant|*coordinator|*engineer|*recruiter|advocaat|verpleegkundige|docent|leraar|lerares|" +
        // Polish
        "monteur|*monteur|montör|*montör|montador|montadora|montatore|technolog|technolożka|*arbetare|*arbeiter|*arbeiterin|amministratore di sistema|amministratore di rete|spec|coord|informatyk|informatyczka|logistiker|logistikerin|specjalista|specjalistka|inżynier|inżynierka|programista|programistka|analityk|analityczka|konsultant|konsultantka|księgowy|księgowa|" +
        "kupiec|zakupowiec|prawnik|prawniczka|radca prawny|radczyni prawna|adwokat|rekruter|rekruterka|handlowiec|przedstawiciel|przedstawicielka|" +
        "przedstawiciel handlowy|koordynator|koordynatorka|referent|technik|pracownik|pracowniczka|tester|testerka|pielęgniarka|nauczyciel|nauczycielka|" +
        // Swedish
        "ingenjör|*ingenjör|utvecklare|*utvecklare|programmerare|analytiker|*analytiker|specialist|*specialist|konsult|*konsult|ekonom|*ekonom|" +
        "inköpare|*inköpare|upphandlare|*upphandlare|jurist|*jurist|advokat|rekryterare|*rekryterare|säljare|*säljare|handläggare|*handläggare|" +
        "koordinator|samordnare|*samordnare|administratör|*administratör|tekniker|*tekniker|strateg|*strateg|revisor|*revisor|kommunikatör|" +
        "medarbetare|*medarbetare|sjuksköterska|lärare";
}
