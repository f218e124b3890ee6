using System.Text;
using System.Text.Json;
using Enrichment.Import;
using Enrichment.Service.Hosting;
using Enrichment.Service.Jobs;
using Enrichment.Service.Security;
using Enrichment.Storage.Lists;
using Hangfire;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Enrichment.Service.Lists;

/// <summary>
/// POST /api/lists: multipart fields <c>name</c>, <c>mapping</c> (JSON object field → header) and
/// <c>callback_url</c>, then <c>file</c>. The file is read as it arrives (never spooled): the import module turns it
/// into records, which go into list_rows by binary COPY. Then the list is planned and a plan job enqueued.
/// Fields after the file are too late to apply and are refused.
/// </summary>
public static class ListUpload
{
    const int MaxFieldBytes = 64 * 1024;
    const long MultipartOverhead = 1024 * 1024;

    public sealed record Created(long Id, string State);

    public static async Task<IResult> HandleAsync(
        HttpContext http,
        ListImport import,
        ListStore lists,
        IOptions<ServiceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        var limit = options.Value.MaxUploadBytes;
        if (http.Request.ContentLength > limit + MultipartOverhead)
            return TooLarge(limit);
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return BadRequest("Send multipart/form-data with a \"file\" part (and optional \"name\", \"mapping\", \"callback_url\" before it).");
        }

        // Our own limit applies below; the server's default (30 MB) would cut large lists with a less clear error.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = null;

        var body = new UploadLimitStream(http.Request.Body, limit + MultipartOverhead);
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = null };
        string? name = null, mappingJson = null, callbackUrl = null;
        try
        {
            for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    return BadRequest("A multipart part has no Content-Disposition.");
                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (field == "file")
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    return await ImportAsync(http, section.Body, limit, name ?? fileName ?? "upload", fileName, mappingJson, callbackUrl,
                        import, lists, ct);
                }

                var value = await ReadFieldAsync(section.Body, ct);
                switch (field)
                {
                    case "name": name = value.Trim(); break;
                    case "mapping": mappingJson = value; break;
                    case "callback_url": callbackUrl = value.Trim(); break;
                    default: return BadRequest($"Unknown form field \"{field}\" (expected name, mapping, callback_url, file).");
                }
            }
        }
        catch (UploadTooLargeException)
        {
            return TooLarge(limit);
        }

        return BadRequest("No \"file\" part in the form.");
    }

    static async Task<IResult> ImportAsync(
        HttpContext http, Stream file, long limit, string name, string? fileName, string? mappingJson, string? callbackUrl,
        ListImport import, ListStore lists, CancellationToken ct)
    {
        if (ParseMapping(mappingJson) is { Error: { } mappingError })
            return BadRequest(mappingError);
        var columns = ParseMapping(mappingJson).Columns;
        if (callbackUrl is { Length: > 0 } && !(Uri.TryCreate(callbackUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            return BadRequest($"callback_url must be an absolute http or https URL (was \"{callbackUrl}\").");
        if (name.Length > 200)
            return BadRequest("name is longer than 200 characters.");

        long listId;
        try
        {
            listId = await import.ImportAsync(
                new NewList(http.Key().Id, name, fileName, callbackUrl is { Length: > 0 } ? callbackUrl : null, mappingJson),
                new UploadLimitStream(file, limit), columns, ct);
        }
        catch (ImportException e)
        {
            return BadRequest(e.Message);
        }
        catch (ArgumentException e)
        {
            return BadRequest(e.Message);
        }
        catch (UploadTooLargeException)
        {
            return TooLarge(limit);
        }

        var list = await lists.GetAsync(listId, ct);
        return TypedResults.Created($"/api/lists/{listId}", new Created(listId, list!.State));
    }

    /// <summary>The mapping field: a JSON object of contact field → header, e.g. {"email":"Work Mail"} (pure).</summary>
    public static (IReadOnlyDictionary<ContactField, string> Columns, string? Error) ParseMapping(string? json)
    {
        var columns = new Dictionary<ContactField, string>();
        if (string.IsNullOrWhiteSpace(json))
            return (columns, null);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (columns, "mapping must be a JSON object such as {\"email\": \"Work Mail\"}.");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (ContactFields.Parse(property.Name) is not { } field)
                    return (columns, $"mapping: unknown field \"{property.Name}\" (known: {string.Join(", ", ContactFields.All)}).");
                if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                    return (columns, $"mapping: the header for \"{property.Name}\" must be a non-empty string.");
                columns[field] = property.Value.GetString()!;
            }

            return (columns, null);
        }
        catch (JsonException e)
        {
            return (columns, $"mapping is not valid JSON: {e.Message}");
        }
    }

    static async Task<string> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxFieldBytes)
                throw new UploadTooLargeException("a form field is larger than 64 KiB");
            buffer.Write(chunk, 0, n);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The upload cannot be imported", detail: detail);

    static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload too large",
            detail: $"This service accepts lists up to {limit:N0} bytes (Enrichment:MaxUploadBytes). Split the file or raise the limit.");
}
