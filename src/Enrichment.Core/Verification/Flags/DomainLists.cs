using Enrichment.Verification.Syntax;

namespace Enrichment.Verification.Flags;

/// <summary>
/// The domain and local-part lists behind the disposable, role and free-provider flags, read from config/*.txt.
/// Immutable after loading and safe to share between threads.
/// </summary>
public sealed class DomainLists
{
    public const string DisposableFileName = "disposable-domains.txt";
    public const string RoleFileName = "role-local-parts.txt";
    public const string FreeProviderFileName = "free-providers.txt";
    public const string CommonDomainFileName = "common-domains.txt";

    private static readonly char[] Separators = ['.', '-', '_'];
    private static readonly char[] Digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

    private readonly HashSet<string> _disposable;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _disposableLookup;
    private readonly HashSet<string> _roles;
    private readonly HashSet<string> _free;
    private readonly TypoSuggester _typos;

    private DomainLists(HashSet<string> disposable, string disposableSource, HashSet<string> roles, HashSet<string> free, TypoSuggester typos)
    {
        _disposable = disposable;
        _disposableLookup = disposable.GetAlternateLookup<ReadOnlySpan<char>>();
        _roles = roles;
        _free = free;
        _typos = typos;
        DisposableSource = disposableSource;
    }

    /// <summary>How many disposable domains were loaded.</summary>
    public int DisposableCount => _disposable.Count;

    /// <summary>Where the disposable list comes from: the "# source:" header line of its file.</summary>
    public string DisposableSource { get; }

    /// <summary>How many free-provider domains were loaded.</summary>
    public int FreeProviderCount => _free.Count;

    /// <summary>How many role local parts were loaded.</summary>
    public int RoleCount => _roles.Count;

    /// <summary>
    /// Reads the four list files from <paramref name="configDirectory"/>. A malformed entry throws
    /// <see cref="InvalidDataException"/> naming the file and line; a missing file throws <see cref="FileNotFoundException"/>.
    /// </summary>
    public static DomainLists Load(string configDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configDirectory);

        var disposableFile = ReadDomains(configDirectory, DisposableFileName);
        var roleFile = ListFile.Read(Path.Combine(configDirectory, RoleFileName), ValidateLocalPart);
        var freeFile = ReadDomains(configDirectory, FreeProviderFileName);
        var commonFile = ReadDomains(configDirectory, CommonDomainFileName);

        string source = disposableFile.HeaderValue("source") ?? (disposableFile.Header.Count > 0 ? disposableFile.Header[0] : "");
        var free = ToSet(freeFile);
        return new DomainLists(
            ToSet(disposableFile),
            source,
            ToSet(roleFile),
            free,
            new TypoSuggester(commonFile.Entries.Select(e => e.Value), free));
    }

    /// <summary>
    /// Loads from config/ next to the application (AppContext.BaseDirectory), else from the nearest config/ found
    /// walking up from the current directory (a source checkout). Throws <see cref="DirectoryNotFoundException"/> if neither.
    /// </summary>
    public static DomainLists LoadDefault()
    {
        string directory = FindDefaultConfigDirectory()
            ?? throw new DirectoryNotFoundException(
                $"No config/ directory with {DisposableFileName} under {AppContext.BaseDirectory} or any parent of {Directory.GetCurrentDirectory()}");
        return Load(directory);
    }

    /// <summary>True when the domain or any parent domain is a disposable domain: a.b.mailinator.com matches mailinator.com.</summary>
    public bool IsDisposable(string asciiDomain)
    {
        ArgumentNullException.ThrowIfNull(asciiDomain);
        ReadOnlySpan<char> candidate = Clean(asciiDomain);
        while (true)
        {
            if (_disposableLookup.Contains(candidate))
            {
                return true;
            }

            int dot = candidate.IndexOf('.');
            // Stop before the bare top-level label: "com" is never disposable.
            if (dot < 0 || candidate[(dot + 1)..].IndexOf('.') < 0)
            {
                return false;
            }

            candidate = candidate[(dot + 1)..];
        }
    }

    /// <summary>
    /// True when the local part names a function rather than a person: an exact role ("info", "postmaster"), one with
    /// separators removed ("no-reply", "customer.service"), trailing digits ("support1") or made only of role words
    /// and numbers ("sales-team", "support-24"). A "+tag" subaddress is ignored.
    /// </summary>
    public bool IsRole(string localPart)
    {
        ArgumentNullException.ThrowIfNull(localPart);
        string local = localPart.Trim().Trim('"').ToLowerInvariant();
        int plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }

        if (local.Length == 0)
        {
            return false;
        }

        if (_roles.Contains(local) || _roles.Contains(TrimDigits(local)))
        {
            return true;
        }

        string joined = string.Concat(local.Split(Separators));
        if (_roles.Contains(joined) || _roles.Contains(TrimDigits(joined)))
        {
            return true;
        }

        var words = local.Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(TrimDigits)
            .Where(w => w.Length > 0)
            .ToList();
        return words.Count > 0 && words.All(_roles.Contains);
    }

    /// <summary>True for a consumer mailbox provider such as gmail.com or web.de (exact domain match).</summary>
    public bool IsFreeProvider(string asciiDomain)
    {
        ArgumentNullException.ThrowIfNull(asciiDomain);
        return _free.Contains(Clean(asciiDomain).ToString());
    }

    /// <summary>A likely intended domain when <paramref name="asciiDomain"/> looks like a typo of a common one, else null.</summary>
    public string? SuggestDomain(string asciiDomain)
    {
        ArgumentNullException.ThrowIfNull(asciiDomain);
        return _typos.Suggest(asciiDomain);
    }

    /// <summary>The config directory LoadDefault uses, or null when none is found.</summary>
    internal static string? FindDefaultConfigDirectory()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "config");
        if (File.Exists(Path.Combine(beside, DisposableFileName)))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "config");
            if (File.Exists(Path.Combine(candidate, DisposableFileName)))
            {
                return candidate;
            }
        }

        return null;
    }

    internal static ListFile ReadDomains(string configDirectory, string fileName) =>
        ListFile.Read(Path.Combine(configDirectory, fileName), ValidateDomain);

    private static string? ValidateDomain(string value) =>
        DomainName.Validate(value) is { } problem ? problem.Format(null) : null;

    private static string? ValidateLocalPart(string value) => EmailSyntax.CheckDotAtom(value, 0);

    private static HashSet<string> ToSet(ListFile file) =>
        new(file.Entries.Select(e => e.Value), StringComparer.Ordinal);

    private static ReadOnlySpan<char> Clean(string domain)
    {
        ReadOnlySpan<char> span = domain.AsSpan().Trim().TrimEnd('.');
        return span.ContainsAnyInRange('A', 'Z') ? domain.Trim().TrimEnd('.').ToLowerInvariant() : span;
    }

    private static string TrimDigits(string word) => word.TrimEnd(Digits).TrimEnd(Separators);
}
