using System.Text.Json.Nodes;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>
/// A refusal with Graph's error body <c>{"error":{"code","message"}}</c>. Thrown anywhere below a handler and turned
/// into the response by the pipeline, so a refused write never leaves half a change behind.
/// </summary>
public sealed class GraphError(int status, string code, string message, int? retryAfterSeconds = null) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;
    /// <summary>Extra detail the fake adds under innerError (real Graph puts request-id and date there).</summary>
    public string? Detail { get; init; }

    public GraphResponse ToResponse(TimeProvider clock)
    {
        var inner = new JsonObject
        {
            ["date"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss"),
            ["request-id"] = Guid.NewGuid().ToString(),
            ["client-request-id"] = Guid.NewGuid().ToString(),
        };
        if (Detail is not null) inner["detail"] = Detail;
        var body = new JsonObject { ["error"] = new JsonObject { ["code"] = Code, ["message"] = Message, ["innerError"] = inner } };
        var response = new GraphResponse(Status, body);
        if (RetryAfterSeconds is { } seconds) response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response;
    }

    // The refusals the fake makes, with the codes Graph uses for them.
    public static GraphError BadRequest(string message) => new(400, "invalidRequest", message);
    public static GraphError NotFound(string message) => new(404, "itemNotFound", message);
    public static GraphError Conflict(string message) => new(409, "nameAlreadyExists", message);

    public static GraphError PreconditionFailed() =>
        new(412, "resourceModified", "The resource has changed since the caller last read it; usually an eTag mismatch");

    public static GraphError NotIndexed(string field) => BadRequest(
        $"Field '{field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: " +
        "HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.");

    /// <summary>
    /// SharePoint's SPQueryThrottledException. Through Graph it surfaces as 429 "throttledRequest", indistinguishable
    /// from ordinary throttling (so the SDK's retry handler retries it in vain); the detail says what really happened.
    /// </summary>
    public static GraphError ListViewThreshold(int threshold, int retryAfterSeconds) =>
        new(429, "throttledRequest", "The request has been throttled", retryAfterSeconds)
        {
            Detail = $"The attempted operation is prohibited because it exceeds the list view threshold ({threshold} items).",
        };
}
