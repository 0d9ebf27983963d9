using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>What one $batch step answered.</summary>
public sealed record BatchAnswer(int Status, JsonElement? Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => Status is >= 200 and < 300;
    /// <summary>Throttled or briefly unavailable: the same step may succeed later.</summary>
    public bool IsRetriable => Status is 429 or 503 or 504;

    public ItemFields Item() => ItemFields.Parse(Body ?? throw new InvalidOperationException($"The batch step ({Status}) has no body."));

    /// <summary>The step's failure as the SDK would have thrown it for a request of its own.</summary>
    public ApiException Error() => new($"A Graph $batch step failed with {Status}: {Message}") { ResponseStatusCode = Status };

    string Message => Body is { } b && b.TryGetProperty("error", out var e) && e.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
}

/// <summary>
/// JSON batching: up to 20 requests in one round trip. The envelope answers 200 while each step answers on its own,
/// so the SDK's retry handler never sees a throttled step: steps answered 429/503/504 are sent again here, after the
/// longest Retry-After among them, a bounded number of times. An HTTP-level retry (the SDK's, or
/// Microsoft.Extensions.Http.Resilience's) cannot do this: it sees only the envelope's 200, and would resend every step.
/// </summary>
public sealed partial class GraphBatch(GraphServiceClient graph, ILogger<GraphBatch> log)
{
    public const int MaxSteps = 20;
    /// <summary>Independent batches sent at once.</summary>
    const int InFlight = 4;
    const int MaxAttempts = 6;
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>Independent requests (reads, deletes), in batches of 20; the answers are in the order of the requests.</summary>
    public async Task<BatchAnswer[]> SendAsync(IReadOnlyList<RequestInformation> requests, CancellationToken ct)
    {
        var answers = new BatchAnswer[requests.Count];
        var pending = Enumerable.Range(0, requests.Count).ToList();
        for (var attempt = 1; ; attempt++)
        {
            // A few batches in flight at once: reading the contracts of 2,000 customers is 100 batches, which one after
            // another cost 100 round trips of waiting; more at once would only invite throttling (429, retried below).
            await Parallel.ForEachAsync(pending.Chunk(MaxSteps), new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = ct },
                async (chunk, token) =>
                {
                    var got = await PostAsync([.. chunk.Select(i => requests[i])], chained: false, token);
                    for (var k = 0; k < chunk.Length; k++) answers[chunk[k]] = got[k];
                });
            pending = pending.Where(i => answers[i].IsRetriable).ToList();
            if (pending.Count == 0 || attempt == MaxAttempts) return answers;
            await WaitAsync(pending.Select(i => answers[i]).ToList(), attempt, ct);
        }
    }

    /// <summary>
    /// Writes that must happen in order and stop at the first failure (a new file: its contacts, then the customer;
    /// an update: the customer, then its change records). Each step depends on the one before (dependsOn), so Graph
    /// runs them one after another and answers 424 for every step after a failed one. A throttled step is sent again
    /// with the ones after it; the answer of a step that never ran is null.
    /// </summary>
    public async Task<BatchAnswer?[]> SendInOrderAsync(IReadOnlyList<RequestInformation> requests, CancellationToken ct)
    {
        var answers = new BatchAnswer?[requests.Count];
        var next = 0;
        for (var attempt = 1; next < requests.Count;)
        {
            var got = await PostAsync([.. requests.Skip(next).Take(MaxSteps)], chained: true, ct);
            var failed = Array.FindIndex(got, a => !a.IsSuccess);
            var succeeded = failed < 0 ? got.Length : failed;
            Array.Copy(got, 0, answers, next, succeeded);
            next += succeeded;
            if (failed < 0) continue;
            if (!got[failed].IsRetriable || attempt == MaxAttempts)
            {
                answers[next] = got[failed];
                return answers;
            }
            await WaitAsync([got[failed]], attempt++, ct);
        }
        return answers;
    }

    async Task<BatchAnswer[]> PostAsync(IReadOnlyList<RequestInformation> requests, bool chained, CancellationToken ct)
    {
        // At most 20 steps: the collection sends them as one batch, so dependsOn never points into another one.
        var content = new BatchRequestContentCollection(graph, MaxSteps);
        for (var i = 0; i < requests.Count; i++)
        {
            // A step sent again is converted again: rewind the body the last conversion read.
            if (requests[i].Content is { CanSeek: true } body) body.Position = 0;
            var message = await graph.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(requests[i], ct);
            content.AddBatchRequestStep(new BatchRequestStep(StepId(i), message, chained && i > 0 ? [StepId(i - 1)] : null));
        }
        var response = await graph.Batch.PostAsync(content, ct);
        var answers = new BatchAnswer[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            using var r = await response.GetResponseByIdAsync(StepId(i));
            var text = await r.Content.ReadAsStringAsync(ct);
            var body = text.Length == 0 ? (JsonElement?)null : JsonDocument.Parse(text).RootElement.Clone();
            answers[i] = new BatchAnswer((int)r.StatusCode, body, r.Headers.RetryAfter?.Delta);
        }
        return answers;
    }

    async Task WaitAsync(IReadOnlyList<BatchAnswer> throttled, int attempt, CancellationToken ct)
    {
        var backOff = TimeSpan.FromMilliseconds(250 * (1 << attempt));   // when Graph names no Retry-After
        var wait = throttled.Select(a => a.RetryAfter ?? backOff).Max();
        if (wait > MaxWait) wait = MaxWait;
        LogThrottled(throttled.Count, throttled[0].Status, wait, attempt);
        // Real time, not the archive's clock: this waits for the service, it stamps nothing.
        await Task.Delay(wait, ct);
    }

    static string StepId(int i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph $batch: {Count} step(s) answered {Status}; sending again in {Wait} (attempt {Attempt})")]
    partial void LogThrottled(int count, int status, TimeSpan wait, int attempt);
}
