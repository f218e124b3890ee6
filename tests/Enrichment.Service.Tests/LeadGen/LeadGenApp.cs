using Enrichment.Service.Tests.Api;
using Enrichment.Storage.Keys;
using Enrichment.Storage.Lists;
using Enrichment.Testing;
using Npgsql;

namespace Enrichment.Service.Tests.LeadGen;

/// <summary>
/// One service for a lead-gen test class, on the manual clock, with a signed-webhook source configured. Tests seed
/// their own contacts under their own domains, so they do not see each other's.
/// </summary>
public sealed class LeadGenApp : IAsyncLifetime
{
    public const string WebhookSecret = "crm-shared-secret-for-tests";
    public const string OutreachSecret = "outreach-webhook-secret-for-tests";
    public const string SalesloftToken = "salesloft-callback-token-for-tests";

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public ServiceApp App { get; private set; } = null!;

    public NpgsqlDataSource Data { get; private set; } = null!;

    public CreatedApiKey Key { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await ServiceApp.StartAsync("leadgen", FakeSmtpScripts.CatchAll(), new Dictionary<string, string?>
        {
            ["Enrichment:Webhooks:Sources:crm:Secret"] = WebhookSecret,
            ["Enrichment:Webhooks:Sources:outreach:Secret"] = OutreachSecret,
            ["Enrichment:Webhooks:Sources:salesloft:Secret"] = SalesloftToken,
            ["Enrichment:RunJobs"] = "false",
        }, Clock);
        Data = NpgsqlDataSource.Create(App.ConnectionString);
        Key = await App.NewKeyAsync("leadgen");
        Client = App.ClientFor(Key);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Data.DisposeAsync();
        await App.DisposeAsync();
    }

    /// <summary>A contact with a verification of <paramref name="status"/> made <paramref name="age"/> before the clock's now.</summary>
    public async Task SeedContactAsync(string email, string status = "deliverable", TimeSpan? age = null, int risk = 5)
    {
        var domain = email[(email.IndexOf('@') + 1)..];
        await using var connection = await Data.OpenConnectionAsync();
        await using (var contact = new NpgsqlCommand(
            "INSERT INTO contacts (email, first_name, account_domain, source) VALUES ($1, 'Pat', $2, 'test')", connection))
        {
            contact.Parameters.AddWithValue(email);
            contact.Parameters.AddWithValue(domain);
            await contact.ExecuteNonQueryAsync();
        }

        await using var verification = new NpgsqlCommand(
            "INSERT INTO verifications (email, domain, status, risk, verified_at) VALUES ($1, $2, $3, $4, $5)", connection);
        verification.Parameters.AddWithValue(email);
        verification.Parameters.AddWithValue(domain);
        verification.Parameters.AddWithValue(status);
        verification.Parameters.AddWithValue((short)risk);
        verification.Parameters.AddWithValue((Clock.GetUtcNow() - (age ?? TimeSpan.FromDays(1))).UtcDateTime);
        await verification.ExecuteNonQueryAsync();
    }

    /// <summary>A list of this key whose rows are the given addresses, all settled deliverable.</summary>
    public async Task<long> SeedListAsync(params string[] emails)
    {
        var lists = new ListStore(Data);
        var id = await lists.CreateAsync(new NewList(Key.Id, "seeded", "seeded.csv", null, null), default);
        await using (var writer = await new ListRowStore(Data).BeginImportAsync(id, Clock.GetUtcNow(), default))
        {
            for (var i = 0; i < emails.Length; i++)
            {
                var domain = emails[i][(emails[i].IndexOf('@') + 1)..];
                writer.Write(new ListRowInsert(i + 1, i + 2, [emails[i], "Pat"], emails[i], domain, FirstName: "Pat",
                    Status: "deliverable", Risk: 5, Reasons: []));
            }

            await writer.CompleteAsync(default);
        }

        await lists.FinishImportAsync(id, ["email", "first_name"], "{}", default);
        return id;
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await Data.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            command.Parameters.AddWithValue(p);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}
