namespace Enrichment.Cli.Verification;

/// <summary>Nullable strings in the spool files.</summary>
internal static class Spool
{
    public static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    public static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
