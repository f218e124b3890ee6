using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.Names;
using Enrichment.Finding.Patterns;
using Enrichment.Verification;
using Enrichment.Verification.Syntax;

namespace Enrichment.Finding;

/// <summary>A person to find an address for, or (with <see cref="Email"/>) a known address of the domain.</summary>
public sealed record FindRequest(long Id, string? FirstName, string? LastName, string? FullName, string? Title, string? Email);

/// <summary>How an address was found, and what verification said of it.</summary>
public sealed record FindResult(
    long Id,
    string? Email,
    string Status,
    int? Risk,
    IReadOnlyList<string> Reasons,
    string Source,
    string? Pattern,
    double? Confidence,
    IReadOnlyList<string> Candidates,
    string? Detail);

public sealed record DomainFindResult(string Domain, PatternDistribution Patterns, IReadOnlyList<FindResult> Results);

/// <summary>What is known of a domain before anyone is looked up (see <see cref="AddressFinder.LearnAsync"/>).</summary>
public sealed record DomainKnowledge(string Domain, MergedDomainSearch Search, PatternDistribution Patterns, IReadOnlySet<string> Taken)
{
    /// <summary>Rows (by id) whose best guess another row to find shares (see <see cref="AddressFinder.WithNamesakes"/>);
    /// rows not listed contest nothing. Null until computed.</summary>
    public IReadOnlyDictionary<long, ContestedGuess>? Contested { get; init; }
}

/// <summary>
/// Finds addresses for the people of one domain: what the domain search knows, else ranked guesses from
/// the domain's learned formats; then verification decides, in the domain's one SMTP session.
/// </summary>
public sealed class AddressFinder(EmailVerifier? verifier, DomainSearchService? search)
{
    public const string SourceOwn = "own";
    public const string SourceGuess = "guess";
    public const string StatusUnverified = "unverified";
    public const string StatusNotFound = "not_found";

    private static readonly DomainSearchService NoProviders = new([]);

    /// <summary>Candidates tried per person, best first.</summary>
    public int MaxCandidates { get; init; } = 6;

    /// <summary>False ranks every domain by the global priors alone (the baseline the benchmarks compare against).</summary>
    public bool LearnFormats { get; init; } = true;

    /// <summary>
    /// What the domain search and the known addresses say about a domain: its contacts, its formats and the local
    /// parts already taken. Learn once per domain and pass it to every <see cref="FindAsync"/> of that domain: the
    /// provider calls are paid for, and learning is the costly part of a large domain.
    /// </summary>
    public async Task<DomainKnowledge> LearnAsync(string domain, IEnumerable<FindRequest> known, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(known);
        var own = known.Where(HasAddress)
            .DistinctBy(k => k.Email!.Trim().ToLowerInvariant())
            .Select(k => new FoundContact(k.Email!.Trim(), k.FirstName, k.LastName, k.Title, null, null, null, [], [SourceOwn]))
            .ToList();
        var merged = await (search ?? NoProviders).SearchAsync(domain, own, cancellationToken);

        var knownAddresses = merged.Contacts
            .Select(c => (Contact: c, At: c.Email.LastIndexOf('@')))
            .Where(c => c.At > 0 && string.Equals(c.Contact.Email[(c.At + 1)..], domain, StringComparison.OrdinalIgnoreCase))
            .Select(c => new KnownAddress(c.Contact.Email[..c.At].ToLowerInvariant(), c.Contact.FirstName, c.Contact.LastName))
            .ToList();
        var patterns = LearnFormats
            ? PatternLearner.Learn(domain, knownAddresses, merged.DeclaredPatterns.Count > 0 ? merged.DeclaredPatterns[0] : null)
            : PatternLearner.Learn(domain, []);
        return new DomainKnowledge(domain, merged, patterns, knownAddresses.Select(k => k.LocalPart).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Finds the rows to find whose best guess another row of the domain shares (namesakes, or at an {f}{last}
    /// domain John and Jane Smith) and, in row order, which guesses the earlier ones of each such group take, so that
    /// every row gets a different best guess however the domain's rows are split into calls. Pass every row of the
    /// domain, after learning.
    /// </summary>
    public static DomainKnowledge WithNamesakes(DomainKnowledge knowledge, IEnumerable<FindRequest> rows)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(rows);
        var tops = new Dictionary<PersonName, string?>();  // names repeat within a domain: rank each once
        var people = rows
            .Where(r => !HasAddress(r))
            .Select(r => (Row: r, Name: NameNormalizer.Normalize(r.FirstName, r.LastName, r.FullName)))
            .Where(p => p.Name is not null)
            .Select(p => (p.Row.Id, p.Name, Top: tops.TryGetValue(p.Name!, out var known) ? known
                : tops[p.Name!] = CandidateGenerator.Generate(p.Name!, knowledge.Patterns, knowledge.Taken, 1) is [var best, ..] ? best.LocalPart : null))
            .Where(p => p.Top is not null)
            .ToList();
        var contested = new Dictionary<long, ContestedGuess>();
        foreach (var group in people.GroupBy(p => p.Top!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, name, top) in group.OrderBy(p => p.Id))
            {
                contested[id] = new ContestedGuess(top!, claimed.ToHashSet(StringComparer.Ordinal));
                var taken = new HashSet<string>(knowledge.Taken, StringComparer.Ordinal);
                taken.UnionWith(claimed);
                if (CandidateGenerator.Generate(name!, knowledge.Patterns, taken, 1) is [var guess, ..])
                {
                    claimed.Add(guess.LocalPart);
                }
            }
        }

        return knowledge with { Contested = contested };
    }

    /// <summary>A row's address counts as known only when it is one ("n/a" or "-" is a person still to find).</summary>
    public static bool HasAddress(FindRequest row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return !string.IsNullOrWhiteSpace(row.Email) && EmailSyntax.Parse(row.Email).IsValid;
    }

    /// <param name="domain">The mail domain (ASCII, lowercase).</param>
    /// <param name="rows">Rows to answer: people to find, and rows that already carry an address (verified too).</param>
    /// <param name="knowledge">The domain's <see cref="LearnAsync"/>; when null it is learned from <paramref name="rows"/> alone.</param>
    public async Task<DomainFindResult> FindAsync(string domain, IReadOnlyList<FindRequest> rows, DomainKnowledge? knowledge = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var known = rows.Where(HasAddress).ToList();
        var people = rows.Where(r => !HasAddress(r)).ToList();
        knowledge ??= await LearnAsync(domain, known, cancellationToken);
        if (knowledge.Contested is null)
        {
            knowledge = WithNamesakes(knowledge, rows);
        }

        var merged = knowledge.Search;
        var patterns = knowledge.Patterns;
        var taken = knowledge.Taken;

        // Who needs what: a provider may already know the person; otherwise rank guesses.
        var plans = new List<(FindRequest Row, string Source, List<Candidate> Candidates, string? Problem)>();
        var byName = new Dictionary<PersonName, IReadOnlyList<Candidate>>();  // the same name ranks the same
        foreach (var person in people)
        {
            var name = NameNormalizer.Normalize(person.FirstName, person.LastName, person.FullName);
            if (name is null)
            {
                plans.Add((person, SourceGuess, [], "no usable name (first_name/last_name or full_name)"));
                continue;
            }

            // A provider listing this name is taken at its word; one of our own rows with the name is a colleague
            // who already holds that address (a namesake), never this person.
            var listed = merged.Contacts.FirstOrDefault(c => !c.Provenance.Contains(SourceOwn) && SamePerson(c, name));
            if (listed is not null)
            {
                var local = listed.Email[..listed.Email.LastIndexOf('@')].ToLowerInvariant();
                plans.Add((person, string.Join('+', listed.Provenance), [new Candidate(local, default, (listed.Confidence ?? 50) / 100.0, 0)], null));
                continue;
            }

            IReadOnlyList<Candidate>? candidates;
            if (knowledge.Contested!.TryGetValue(person.Id, out var contest))
            {
                candidates = CandidateGenerator.GenerateContested(name, patterns, taken, contest.ClaimedBefore, contest.LocalPart, MaxCandidates);
            }
            else if (!byName.TryGetValue(name, out candidates))
            {
                candidates = byName[name] = CandidateGenerator.Generate(name, patterns, taken, MaxCandidates);
            }

            plans.Add((person, SourceGuess, candidates.ToList(), null));
        }

        // One verification pass for the domain: known addresses (each its own group) and each person's
        // ranked candidates (one group: probing stops at the first accepted).
        IReadOnlyDictionary<string, VerificationResult> verdicts = new Dictionary<string, VerificationResult>();
        if (verifier is not null)
        {
            var groups = new List<IReadOnlyList<string>>();
            groups.AddRange(known.Select(k => (IReadOnlyList<string>)[k.Email!.Trim()]));
            groups.AddRange(plans.Where(p => p.Candidates.Count > 0).Select(p => (IReadOnlyList<string>)p.Candidates.Select(c => Address(c, domain)).ToList()));
            verdicts = await verifier.VerifyAlternativesAsync(groups, cancellationToken);
        }

        var results = new List<FindResult>(rows.Count);
        foreach (var row in known)
        {
            var email = row.Email!.Trim();
            results.Add(verdicts.TryGetValue(email, out var v)
                ? new FindResult(row.Id, v.Normalized ?? email, VerificationResult.StatusText(v.Status), v.Risk, v.Reasons, SourceOwn, null, null, [], v.Detail)
                : new FindResult(row.Id, email, StatusUnverified, null, [], SourceOwn, null, null, [], null));
        }

        foreach (var (row, source, candidates, problem) in plans)
        {
            var ranked = candidates.Select(c => Address(c, domain)).ToList();
            if (problem is not null || candidates.Count == 0)
            {
                results.Add(new FindResult(row.Id, null, StatusNotFound, null, ["no_candidates"], source, null, null, [], problem ?? "no candidate could be formed"));
                continue;
            }

            if (verifier is null)
            {
                var top = candidates[0];
                results.Add(new FindResult(row.Id, ranked[0], StatusUnverified, null, [], source, Template(source, top), top.Confidence, ranked, null));
                continue;
            }

            results.Add(Decide(row, source, candidates, ranked, verdicts));
        }

        return new DomainFindResult(domain, patterns, results);
    }

    /// <summary>
    /// The first accepted candidate wins. On a catch-all domain nothing can be confirmed: the top candidate
    /// comes back risky (catch_all) with its pattern confidence, never deliverable.
    /// </summary>
    private static FindResult Decide(FindRequest row, string source, List<Candidate> candidates, List<string> ranked, IReadOnlyDictionary<string, VerificationResult> verdicts)
    {
        VerificationResult? undecided = null;
        var undecidedIndex = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!verdicts.TryGetValue(ranked[i], out var v))
            {
                continue;
            }

            if (v.Status is VerificationStatus.Deliverable or VerificationStatus.Risky && v.Reasons.All(r => r != Reasons.MailboxNotFound))
            {
                return new FindResult(row.Id, ranked[i], VerificationResult.StatusText(v.Status), v.Risk, v.Reasons, source, Template(source, candidates[i]), candidates[i].Confidence, ranked, v.Detail);
            }

            if (v.Status == VerificationStatus.Unknown && undecided is null)
            {
                undecided = v;
                undecidedIndex = i;
            }
        }

        if (undecided is not null)
        {
            // The server would not say (blocked, greylisted, timeout): the best guess, honestly unknown.
            var c = candidates[undecidedIndex];
            return new FindResult(row.Id, ranked[undecidedIndex], VerificationResult.StatusText(undecided.Status), undecided.Risk, undecided.Reasons, source, Template(source, c), c.Confidence, ranked, undecided.Detail);
        }

        return new FindResult(row.Id, null, StatusNotFound, 100, [Reasons.MailboxNotFound], source, null, null, ranked, "every candidate was rejected by the server");
    }

    private static string? Template(string source, Candidate candidate) =>
        source == SourceGuess ? AddressFormats.Template(candidate.Format) : null;

    private static string Address(Candidate candidate, string domain) => $"{candidate.LocalPart}@{domain}";

    private static bool SamePerson(FoundContact contact, PersonName name)
    {
        var other = NameNormalizer.Normalize(contact.FirstName, contact.LastName);
        return other is not null && other.First == name.First && other.Last == name.Last;
    }
}
