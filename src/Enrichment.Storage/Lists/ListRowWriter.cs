using Npgsql;
using NpgsqlTypes;

namespace Enrichment.Storage.Lists;

/// <summary>
/// A binary COPY into list_rows in progress, counting what it writes (<see cref="Tally"/>). Its connection is disposed
/// with the writer when the writer owns it (<see cref="ListRowStore.BeginImportAsync"/>), or stays with an upload's
/// <see cref="ListImportSession"/>, whose transaction the rows then belong to.
/// </summary>
public sealed class ListRowWriter : IAsyncDisposable
{
    const string Copy = """
        COPY list_rows (list_id, row_no, line, fields, email, domain, first_name, last_name, full_name, company, company_domain,
                        title, external_id, rejection_reason, rejection_column, duplicate_of, status, risk, reasons, settled_at)
        FROM STDIN (FORMAT BINARY)
        """;

    readonly NpgsqlConnection? _ownedConnection;
    readonly NpgsqlBinaryImporter _importer;
    readonly long _listId;
    readonly DateTime _now;

    ListRowWriter(NpgsqlConnection? ownedConnection, NpgsqlBinaryImporter importer, long listId, DateTime now)
    {
        _now = now;
        _ownedConnection = ownedConnection;
        _importer = importer;
        _listId = listId;
    }

    /// <summary>Opens the COPY on <paramref name="connection"/>; the writer takes the connection over when
    /// <paramref name="ownsConnection"/>.</summary>
    internal static async Task<ListRowWriter> BeginAsync(NpgsqlConnection connection, bool ownsConnection, long listId, DateTime now, CancellationToken ct)
    {
        var importer = await connection.BeginBinaryImportAsync(Copy, ct);
        return new ListRowWriter(ownsConnection ? connection : null, importer, listId, now);
    }

    public int Written => Tally.Total;

    /// <summary>The rows written so far, counted as the import's finish needs them.</summary>
    public ListRowTally Tally { get; } = new();

    /// <summary>
    /// One row. Fields go through Npgsql's synchronous writers: they only fill a buffer (flushed when full), and the
    /// per-field async state machines cost more than the rare blocking flush on a single upload's connection.
    /// </summary>
    public void Write(ListRowInsert row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _importer.StartRow();
        _importer.Write(_listId, NpgsqlDbType.Bigint);
        _importer.Write(row.RowNo, NpgsqlDbType.Integer);
        _importer.Write(row.Line, NpgsqlDbType.Integer);
        _importer.Write(row.Fields as string[] ?? [.. row.Fields], NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteText(row.Email);
        WriteText(row.Domain);
        WriteText(row.FirstName);
        WriteText(row.LastName);
        WriteText(row.FullName);
        WriteText(row.Company);
        WriteText(row.CompanyDomain);
        WriteText(row.Title);
        WriteText(row.ExternalId);
        WriteText(row.RejectionReason);
        WriteText(row.RejectionColumn);
        if (row.DuplicateOf is { } duplicateOf)
            _importer.Write(duplicateOf, NpgsqlDbType.Integer);
        else
            _importer.WriteNull();
        WriteText(row.Status);
        if (row.Risk is { } risk)
            _importer.Write((short)risk, NpgsqlDbType.Smallint);
        else
            _importer.WriteNull();
        if (row.Reasons is { } reasons)
            _importer.Write(reasons as string[] ?? [.. reasons], NpgsqlDbType.Array | NpgsqlDbType.Text);
        else
            _importer.WriteNull();
        // A row judged at import (rejected, or an address without a domain) is settled on arrival.
        if (row.Status is not null || row.RejectionReason is not null)
            _importer.Write(_now, NpgsqlDbType.TimestampTz);
        else
            _importer.WriteNull();
        Tally.Add(row);
    }

    void WriteText(string? value)
    {
        if (value is null)
            _importer.WriteNull();
        else
            _importer.Write(value, NpgsqlDbType.Text);
    }

    /// <summary>Commits the COPY; without it, disposing rolls every written row back.</summary>
    public async Task CompleteAsync(CancellationToken ct) => await _importer.CompleteAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _importer.DisposeAsync();
        if (_ownedConnection is not null)
            await _ownedConnection.DisposeAsync();
    }
}
