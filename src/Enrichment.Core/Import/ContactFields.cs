namespace Enrichment.Import;

/// <summary>The names of <see cref="ContactField"/> as the CLI, the API and reports spell them.</summary>
public static class ContactFields
{
    private static readonly (ContactField Field, string Name)[] Names =
    [
        (ContactField.Email, "email"),
        (ContactField.FirstName, "first_name"),
        (ContactField.LastName, "last_name"),
        (ContactField.FullName, "full_name"),
        (ContactField.Company, "company"),
        (ContactField.Website, "website"),
        (ContactField.Title, "title"),
        (ContactField.Id, "id"),
    ];

    public static IEnumerable<string> All => Names.Select(n => n.Name);

    public static string Name(ContactField field) => Names.First(n => n.Field == field).Name;

    /// <summary>"email", "first_name", "firstname", "First Name", "domain" (for website) … → the field; null when unknown.</summary>
    public static ContactField? Parse(string? name)
    {
        var key = HeaderSynonyms.Key(name ?? "");
        foreach (var (field, text) in Names)
        {
            if (HeaderSynonyms.Key(text) == key)
            {
                return field;
            }
        }

        return key == "domain" ? ContactField.Website : null;
    }
}
