using System.Diagnostics;

namespace TeamsCrm.Bot.Operations;

/// <summary>
/// A span and a duration for every HTTP call to a peer (Graph, the Bot Connector), placed innermost in the client's
/// pipeline so that each retry is its own call. Only the method, host and status are recorded: paths carry ids
/// (customers, conversations) that do not belong in telemetry.
/// </summary>
public sealed class OutboundCallTelemetry(string peer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = BotTelemetry.Source.StartActivity($"{peer} {request.Method.Method}", ActivityKind.Client);
        span?.SetTag("peer.service", peer);
        span?.SetTag("http.request.method", request.Method.Method);
        span?.SetTag("server.address", request.RequestUri?.Host);
        var tags = new TagList { { "peer", peer }, { "http.request.method", request.Method.Method } };
        try
        {
            var response = await base.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            span?.SetTag("http.response.status_code", status);
            if (status >= 400) span?.SetStatus(ActivityStatusCode.Error);
            tags.Add("http.response.status_code", status);
            return response;
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            tags.Add("error.type", e.GetType().FullName);
            throw;
        }
        finally
        {
            BotTelemetry.OutboundDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
