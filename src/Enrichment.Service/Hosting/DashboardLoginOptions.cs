namespace Enrichment.Service.Hosting;

/// <summary>
/// Who may use the dashboard (Hangfire's pages and ours). Without users, loopback requests only, each with full
/// rights (Hangfire's own default); with users, a cookie login and the user's role.
/// </summary>
public sealed class DashboardLoginOptions
{
    public List<DashboardUser> Users { get; set; } = [];

    /// <summary>A started upload waits this long for its "start" before its temporary file is deleted.</summary>
    public TimeSpan UploadPreviewTimeout { get; set; } = TimeSpan.FromHours(1);

    public bool IsConfigured => Users.Count > 0;

    public DashboardUser? Find(string name) => Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));

    public void Validate()
    {
        foreach (var (user, i) in Users.Select((u, i) => (u, i)))
        {
            if (string.IsNullOrWhiteSpace(user.Name))
                throw new InvalidOperationException($"Enrichment:Dashboard:Users:{i}:Name is empty");
            if (string.IsNullOrWhiteSpace(user.PasswordHash))
                throw new InvalidOperationException($"Enrichment:Dashboard:Users:{i}:PasswordHash is empty (make one with `Enrichment.Service hash-password`)");
            if (user.Role is not (DashboardUser.Admin or DashboardUser.ReadOnly))
                throw new InvalidOperationException($"Enrichment:Dashboard:Users:{i}:Role must be \"admin\" or \"read-only\" (was \"{user.Role}\")");
        }

        if (Users.GroupBy(u => u.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"Enrichment:Dashboard:Users: \"{twice.Key}\" appears twice");
        if (UploadPreviewTimeout < TimeSpan.FromMinutes(1))
            throw new InvalidOperationException("Enrichment:Dashboard:UploadPreviewTimeout must be at least 1 minute");
    }
}
