using System.Net;

namespace TeamsCrm.BotFramework.Connector;

/// <summary>
/// Retries what the connector says is worth retrying (429, 412, 502, 503, 504), honouring Retry-After and
/// otherwise backing off exponentially with full jitter; bounded in attempts and in total wait.
/// </summary>
public sealed class ConnectorRetryHandler(TimeProvider clock, ConnectorRetryOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, ct);
            if (!IsRetryable(response.StatusCode) || attempt > options.MaxRetries) return response;
            var delay = DelayFor(response, attempt);
            if (delay > options.MaxDelay) return response;   // the service wants longer than a turn can wait
            response.Dispose();
            await Task.Delay(delay, clock, ct);
        }
    }

    static bool IsRetryable(HttpStatusCode s) => s is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    TimeSpan DelayFor(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta;
        if (retryAfter?.Date is { } date) return Max(date - clock.GetUtcNow(), TimeSpan.Zero);
        var ceiling = options.BaseDelay * Math.Pow(2, attempt - 1);
        return ceiling * Random.Shared.NextDouble();
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

public sealed class ConnectorRetryOptions
{
    public int MaxRetries { get; set; } = 3;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>A single wait longer than this is not worth it inside a turn: the caller gets the error.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
