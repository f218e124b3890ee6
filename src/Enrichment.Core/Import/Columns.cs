namespace Enrichment.Import;

/// <summary>The mapping as column indexes for the per-row work (-1: not mapped).</summary>
internal sealed record Columns(int[] Email, int FirstName, int LastName, int FullName, int Company, int[] Website, int Title, int Id)
{
    public static readonly Columns None = new([], -1, -1, -1, -1, [], -1, -1);

    public static Columns From(IReadOnlyList<ColumnMapping> mapping)
    {
        int One(ContactField field) => mapping.FirstOrDefault(m => m.Field == field)?.Column ?? -1;
        int[] All(ContactField field) => [.. mapping.Where(m => m.Field == field).Select(m => m.Column)];
        return new Columns(
            All(ContactField.Email), One(ContactField.FirstName), One(ContactField.LastName), One(ContactField.FullName),
            One(ContactField.Company), All(ContactField.Website), One(ContactField.Title), One(ContactField.Id));
    }

    /// <summary>The trimmed value, or null when the column is not mapped, missing from the row, or blank.</summary>
    public static string? Get(string[] fields, int column)
    {
        if (column < 0 || column >= fields.Length)
        {
            return null;
        }

        var value = fields[column];
        if (value.Length == 0)
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>The first non-blank value among <paramref name="columns"/> ("Email 1", then "Email 2").</summary>
    public static string? First(string[] fields, int[] columns)
    {
        foreach (var column in columns)
        {
            if (Get(fields, column) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
