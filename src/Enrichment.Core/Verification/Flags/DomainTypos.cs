namespace Enrichment.Verification.Flags;

/// <summary>
/// Typo suggestions against config/common-domains.txt (free-providers.txt adds domains that are never "corrected").
/// The lists are read once, from the directory <see cref="DomainLists.LoadDefault"/> uses; when no config/ directory
/// exists there are no suggestions rather than an exception, because a suggestion is advice, never a verdict.
/// </summary>
public static class DomainTypos
{
    private static readonly Lazy<TypoSuggester?> Default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The common domain <paramref name="asciiDomain"/> was probably meant to be ("gmial.com" → "gmail.com"), or null.</summary>
    public static string? Suggest(string asciiDomain)
    {
        ArgumentNullException.ThrowIfNull(asciiDomain);
        return Default.Value?.Suggest(asciiDomain);
    }

    /// <summary>Common and free-provider domains; empty when no config/ directory was found.</summary>
    internal static IReadOnlySet<string> KnownDomains => Default.Value?.KnownDomains ?? EmptySet;

    private static readonly HashSet<string> EmptySet = [];

    private static TypoSuggester? LoadDefault()
    {
        string? directory = DomainLists.FindDefaultConfigDirectory();
        if (directory is null)
        {
            return null;
        }

        try
        {
            var common = DomainLists.ReadDomains(directory, DomainLists.CommonDomainFileName);
            var free = DomainLists.ReadDomains(directory, DomainLists.FreeProviderFileName);
            return new TypoSuggester(common.Entries.Select(e => e.Value), free.Entries.Select(e => e.Value));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // EmailSyntax.Parse must not throw; a broken list still fails loudly in DomainLists.Load at startup.
            return null;
        }
    }
}
