using Enrichment.Committee.Templates;
using Enrichment.Storage.Accounts;

namespace Enrichment.Service.Accounts;

/// <summary>
/// The committee templates in force: the document set through PUT /api/committee/templates, else the config file
/// (config/committee-templates.json next to the service, or Enrichment:CommitteeTemplates). Both are validated by
/// Core's <see cref="CommitteeTemplates"/>.
/// </summary>
public sealed class CommitteeTemplateSource(AccountStore store, IConfiguration configuration, IHostEnvironment environment)
{
    readonly Lazy<(string Path, string Body)> _file = new(() => ReadFile(configuration, environment));

    public string FilePath => _file.Value.Path;

    public async Task<CommitteeTemplates> CurrentAsync(CancellationToken ct)
    {
        var body = await store.TemplatesAsync(ct);
        return body is null ? CommitteeTemplates.Parse(_file.Value.Body, _file.Value.Path) : CommitteeTemplates.Parse(body, "templates set through the API");
    }

    /// <summary>The document in force, as JSON text, and where it comes from ("api" or the file's path).</summary>
    public async Task<(string Body, string Source)> DocumentAsync(CancellationToken ct)
    {
        var body = await store.TemplatesAsync(ct);
        return body is null ? (_file.Value.Body, _file.Value.Path) : (body, "api");
    }

    /// <summary>Validates and stores a new document; throws <see cref="CommitteeTemplateException"/> naming each problem.</summary>
    public async Task<CommitteeTemplates> SaveAsync(string body, CancellationToken ct)
    {
        var parsed = CommitteeTemplates.Parse(body, "request body");
        await store.SaveTemplatesAsync(body, ct);
        return parsed;
    }

    static (string, string) ReadFile(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Enrichment:CommitteeTemplates"];
        var candidates = configured is not null
            ? [configured]
            : new[] { AppContext.BaseDirectory, environment.ContentRootPath, Directory.GetCurrentDirectory() }
                .SelectMany(Parents).Select(d => Path.Combine(d, "config", CommitteeTemplates.FileName));
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new CommitteeTemplateException($"No {CommitteeTemplates.FileName} in a config/ directory above {AppContext.BaseDirectory}; set Enrichment:CommitteeTemplates");
        return (path, File.ReadAllText(path));
    }

    static IEnumerable<string> Parents(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
            yield return d.FullName;
    }
}
