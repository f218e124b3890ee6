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

    public async Task WriteAsync(ListRowInsert row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        await _importer.StartRowAsync(ct);
        await _importer.WriteAsync(_listId, NpgsqlDbType.Bigint, ct);
        await _importer.WriteAsync(row.RowNo, NpgsqlDbType.Integer, ct);
        await _importer.WriteAsync(row.Line, NpgsqlDbType.Integer, ct);
        await _importer.WriteAsync(row.Fields as string[] ?? [.. row.Fields], NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await WriteTextAsync(row.Email, ct);
        await WriteTextAsync(row.Domain, ct);
        await WriteTextAsync(row.FirstName, ct);
        await WriteTextAsync(row.LastName, ct);
        await WriteTextAsync(row.FullName, ct);
        await WriteTextAsync(row.Company, ct);
        await WriteTextAsync(row.CompanyDomain, ct);
        await WriteTextAsync(row.Title, ct);
        await WriteTextAsync(row.ExternalId, ct);
        await WriteTextAsync(row.RejectionReason, ct);
        await WriteTextAsync(row.RejectionColumn, ct);
        if (row.DuplicateOf is { } duplicateOf)
            await _importer.WriteAsync(duplicateOf, NpgsqlDbType.Integer, ct);
        else
            await _importer.WriteNullAsync(ct);
        await WriteTextAsync(row.Status, ct);
        if (row.Risk is { } risk)
            await _importer.WriteAsync((short)risk, NpgsqlDbType.Smallint, ct);
        else
            await _importer.WriteNullAsync(ct);
        if (row.Reasons is { } reasons)
            await _importer.WriteAsync(reasons as string[] ?? [.. reasons], NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        else
            await _importer.WriteNullAsync(ct);
        // A row judged at import (rejected, or an address without a domain) is settled on arrival.
        if (row.Status is not null || row.RejectionReason is not null)
            await _importer.WriteAsync(_now, NpgsqlDbType.TimestampTz, ct);
        else
            await _importer.WriteNullAsync(ct);
        Written++;
    }

    async Task WriteTextAsync(string? value, CancellationToken ct)
    {
        if (value is null)
            await _importer.WriteNullAsync(ct);
        else
            await _importer.WriteAsync(value, NpgsqlDbType.Text, ct);
    }

    /// <summary>Commits the COPY; without it, disposing rolls every written row back.</summary>
    public async Task CompleteAsync(CancellationToken ct) => await _importer.CompleteAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _importer.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
