namespace Enrichment.Service.Hosting;

/// <summary>
/// A dashboard login from configuration (Enrichment:Dashboard:Users:0:Name …). The password is stored only as an
/// ASP.NET Core Identity hash (PBKDF2): `Enrichment.Service hash-password` prints one for a password read from stdin.
/// </summary>
public sealed class DashboardUser
{
    public const string Admin = "admin";
    public const string ReadOnly = "read-only";

    public string Name { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary>"admin" (uploads, cancels, keys, Hangfire's buttons) or "read-only" (looks only).</summary>
    public string Role { get; set; } = ReadOnly;
}
