using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enrichment.Testing;

/// <summary>A request as the stub saw it.</summary>
public sealed record StubRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ReceivedAt);

/// <summary>A canned answer.</summary>
public sealed record StubResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json")
{
    public static StubResponse Json(string body, int status = 200, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, body, headers);
}

/// <summary>
/// A Kestrel HTTP server on 127.0.0.1 with a random port: routes (path → handler) can be added or replaced at any
/// time, and every request is recorded. Unknown paths get 404.
/// </summary>
public sealed class StubHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<StubRequest, HttpContext, Task<StubResponse>>> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<StubRequest> _requests = new();
    private readonly TimeProvider _time;
    private readonly Lock _signalGate = new();
    private TaskCompletionSource _requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StubHttpServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    /// <param name="time">Clock for <see cref="StubRequest.ReceivedAt"/>, e.g. the test's fake clock.</param>
    public static async Task<StubHttpServer> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StubHttpServer(app, time ?? TimeProvider.System);
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Routes <paramref name="path"/> (e.g. "/v2/domain-search") to a handler; replaces any earlier one.</summary>
    public void Map(string path, Func<StubRequest, HttpContext, Task<StubResponse>> handler) => _routes[path] = handler;

    public void Map(string path, Func<StubRequest, StubResponse> handler) => _routes[path] = (r, _) => Task.FromResult(handler(r));

    /// <summary>Answers in turn with <paramref name="responses"/>; the last one repeats.</summary>
    public void MapSequence(string path, params StubResponse[] responses)
    {
        var next = -1;
        Map(path, _ => responses[Math.Min(Interlocked.Increment(ref next), responses.Length - 1)]);
    }

    /// <summary>Never answers: the handler waits until the client gives up.</summary>
    public void MapHang(string path) => _routes[path] = async (_, context) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        return new StubResponse(500, "");
    };

    /// <summary>Waits until at least <paramref name="count"/> requests for <paramref name="path"/> have arrived.</summary>
    public async Task WaitForRequestsAsync(string path, int count, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task arrived;
            lock (_signalGate)
            {
                if (CountRequests(path) >= count)
                {
                    return;
                }

                arrived = _requestArrived.Task;
            }

            await arrived.WaitAsync(cancellationToken);
        }
    }

    public int CountRequests(string path) => _requests.Count(r => string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = new StubRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? "",
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            _time.GetUtcNow());
        lock (_signalGate)
        {
            _requests.Enqueue(request);
            var previous = _requestArrived;
            _requestArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }

        if (!_routes.TryGetValue(request.Path, out var handler))
        {
            context.Response.StatusCode = 404;
            return;
        }

        StubResponse response;
        try
        {
            response = await handler(request, context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }
}
