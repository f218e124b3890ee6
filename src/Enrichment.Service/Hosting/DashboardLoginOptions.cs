namespace Enrichment.Service.Hosting;

/// <summary>
/// A login for the Hangfire dashboard (HTTP Basic). Without one, the dashboard answers loopback requests only.
/// </summary>
public sealed class DashboardLoginOptions
{
    public string? User { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrEmpty(User) && !string.IsNullOrEmpty(Password);

    public void Validate()
    {
        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
            throw new InvalidOperationException("Enrichment:Dashboard: set both User and Password, or neither (loopback only)");
        if (IsConfigured && Password!.Length < 12)
            throw new InvalidOperationException("Enrichment:Dashboard:Password must be at least 12 characters");
    }
}
