using Npgsql;
using NpgsqlTypes;

namespace Enrichment.Storage.Lists;

/// <summary>A binary COPY into list_rows in progress; one connection, disposed with the writer.</summary>
public sealed class ListRowWriter : IAsyncDisposable
{
    readonly NpgsqlConnection _connection;
    readonly NpgsqlBinaryImporter _importer;
    readonly long _listId;
    readonly DateTime _now;

    internal ListRowWriter(NpgsqlConnection connection, NpgsqlBinaryImporter importer, long listId, DateTime now)
    {
        _now = now;
        _connection = connection;
        _importer = importer;
        _listId = listId;
    }

    public int Written { get; private set; }

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
        Written++;
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
        await _connection.DisposeAsync();
    }
}
