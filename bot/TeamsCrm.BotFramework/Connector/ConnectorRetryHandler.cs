using System.Net;

namespace TeamsCrm.BotFramework.Connector;

/// <summary>
/// Retries what the connector says is worth retrying, honouring Retry-After and otherwise backing off exponentially with
/// full jitter, within one deadline for the whole call (<see cref="ConnectorRetryOptions.CallTimeout"/>, on the app's clock).
/// <list type="table">
/// <item><term>429 Too Many Requests</term><description>Retried. Teams' rate limit: the request was refused, not processed;
///   Teams requires waiting (Retry-After when it says, else back-off with jitter).</description></item>
/// <item><term>412 Precondition Failed</term><description>Retried. Teams documents it as transient for bot calls (a conflict
///   inside its chat service); the request was not applied.</description></item>
/// <item><term>502 Bad Gateway, 504 Gateway Timeout</term><description>Retried, as Teams asks. The connector's back end may have
///   done the work before the gateway failed, so a retried POST (send, reply, create conversation) can post twice: the
///   connector takes no idempotency key. A duplicate message is judged better than a lost one (a reminder or an approval
///   nobody sees). Where a caller keeps the id of what it posted (approval card copies), it learns the second one only: the
///   first copy is not updated later, but its buttons go through the same version check, so nothing is decided twice.
///   PUT (update) and DELETE replace or remove the same activity and are safe to repeat.</description></item>
/// <item><term>503 Service Unavailable</term><description>Retried. Not in Teams' list, but HTTP's "temporarily unable, try
///   later" (often with Retry-After) from the connector's front end while it is overloaded or redeploying: nothing was
///   processed.</description></item>
/// <item><term>Anything else</term><description>Not retried: a 4xx will not change by asking again (403 MessageWritesBlocked,
///   404, 413), and another 5xx is not known to be transient.</description></item>
/// <item><term>No answer within the deadline, or the connection lost</term><description>Not retried: the request may have been
///   delivered, and the caller cannot wait longer anyway. The caller gets a <see cref="TimeoutException"/> (or the
///   HttpRequestException) and decides, usually by leaving the work recorded as undone for a later run.</description></item>
/// </list>
/// A wait longer than <see cref="ConnectorRetryOptions.MaxDelay"/>, or one that would end after the deadline (leaving no
/// time for the retry itself), is not started: the caller gets the connector's answer at once.
/// <para>Why not Microsoft.Extensions.Http.Resilience (Polly): its retry clamps a long Retry-After to MaxDelay and waits,
/// where this gives up at once (a turn must not sit out a long throttle); it cannot see the whole call's deadline when
/// choosing to wait (its timeout would cancel the wait and throw, where this returns the 429); and its timeout throws
/// TimeoutRejectedException, not the "not retried, it may have been delivered" TimeoutException callers act on. Rebuilding
/// those with its predicate, delay generator and request options takes more code than this loop.</para>
/// </summary>
public sealed class ConnectorRetryHandler(TimeProvider clock, ConnectorRetryOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + options.CallTimeout;
        using var timeout = new CancellationTokenSource(options.CallTimeout, clock);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, call.Token);
            }
            catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The Bot Connector did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {options.CallTimeout} ({attempt} attempt(s)); not retried, it may have been delivered.", e);
            }
            if (!IsRetryable(response.StatusCode) || attempt > options.MaxRetries) return response;
            var delay = DelayFor(response, attempt);
            if (delay > options.MaxDelay || clock.GetUtcNow() + delay >= deadline) return response;   // fail fast
            response.Dispose();
            await Task.Delay(delay, clock, ct);
        }
    }

    public static bool IsRetryable(HttpStatusCode s) => s is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
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

/// <summary>Bot:ConnectorRetry — how connector calls are retried (see <see cref="ConnectorRetryHandler"/>).</summary>
public sealed class ConnectorRetryOptions
{
    public const string Section = "Bot:ConnectorRetry";
    public int MaxRetries { get; set; } = 3;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>A single wait longer than this is not worth it inside a turn: the caller gets the error.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>The whole call, retries and their waits included; an answer not come by then is not waited for.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
