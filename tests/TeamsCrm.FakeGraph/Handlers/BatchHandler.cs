using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>
/// POST /$batch (JSON batching): up to 20 steps {id, method, url, headers, body, dependsOn}, each answered on its own
/// (a step can be throttled or fail while the envelope answers 200). Steps run one at a time, dependencies first;
/// a step whose dependency failed answers 424. Responses keep the order of the requests unless
/// <see cref="FakeGraphOptions.ReverseBatchResponses"/> asks otherwise.
/// </summary>
internal static class BatchHandler
{
    sealed record Step(string Id, string Method, string Url, JsonObject Headers, JsonNode? Body, IReadOnlyList<string> DependsOn);

    public static async Task<GraphResponse> HandleAsync(GraphRequest r, GraphContext g)
    {
        var steps = Read(r.Body, g.Options.MaxBatchRequests);
        var answers = new Dictionary<string, GraphResponse>();
        var pending = steps.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(s => s.DependsOn.All(answers.ContainsKey))
                ?? throw GraphError.BadRequest("The dependsOn references in this batch form a cycle.");
            pending.Remove(ready);
            answers[ready.Id] = ready.DependsOn.Any(d => !answers[d].IsSuccess)
                ? new GraphError(424, "failedDependency", "A request this one depends on failed.").ToResponse(g.Clock)
                : await g.HandleAsync(Inner(ready, r.BaseUrl));
        }
        var ordered = g.Options.ReverseBatchResponses ? Enumerable.Reverse(steps) : steps;
        var responses = ordered.Select(s => (JsonNode)Envelope(s.Id, answers[s.Id])).ToArray();
        return GraphResponse.Ok(new JsonObject { ["responses"] = new JsonArray(responses) });
    }

    static List<Step> Read(JsonNode? body, int max)
    {
        if (body?["requests"] is not JsonArray requests) throw GraphError.BadRequest("Invalid batch payload: 'requests' is missing.");
        if (requests.Count == 0) throw GraphError.BadRequest("Invalid batch payload: a batch needs at least one request.");
        if (requests.Count > max)
            throw GraphError.BadRequest($"Invalid batch payload: {requests.Count} requests; a batch holds at most {max}.");
        var steps = new List<Step>();
        foreach (var node in requests)
        {
            if (node is not JsonObject o) throw GraphError.BadRequest("Invalid batch payload: each request must be an object.");
            var id = Text(o, "id") ?? throw GraphError.BadRequest("Invalid batch payload: a request has no id.");
            if (steps.Any(s => s.Id == id)) throw GraphError.BadRequest($"Invalid batch payload: the id '{id}' is used twice.");
            var headers = o["headers"] as JsonObject ?? [];
            var stepBody = o["body"];
            if (stepBody is not null && !headers.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
                throw GraphError.BadRequest($"Invalid batch payload: request '{id}' has a body but no Content-Type header.");
            var dependsOn = (o["dependsOn"] as JsonArray ?? []).Select(d => d?.GetValue<string>() ?? "").ToList();
            steps.Add(new Step(id, Text(o, "method") ?? throw GraphError.BadRequest($"Invalid batch payload: request '{id}' has no method."),
                Text(o, "url") ?? throw GraphError.BadRequest($"Invalid batch payload: request '{id}' has no url."),
                headers, stepBody, dependsOn));
        }
        foreach (var step in steps)
            if (step.DependsOn.FirstOrDefault(d => steps.All(s => s.Id != d)) is { } missing)
                throw GraphError.BadRequest($"Invalid batch payload: request '{step.Id}' depends on '{missing}', which is not in the batch.");
        return steps;
    }

    /// <summary>A step's url is relative to the service root ("/sites/…" or "sites/…"); an absolute one is accepted too.</summary>
    static GraphRequest Inner(Step step, string baseUrl)
    {
        var url = step.Url;
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http")) url = absolute.PathAndQuery;
        url = url.TrimStart('/');
        if (url.StartsWith("v1.0/", StringComparison.OrdinalIgnoreCase)) url = url[5..];
        var q = url.IndexOf('?');
        var path = (q < 0 ? url : url[..q]).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        IEnumerable<KeyValuePair<string, string>> query = q < 0 ? [] : QueryHelpers.ParseQuery(url[q..]).Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()));
        var headers = step.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value?.ToString() ?? ""));
        return new GraphRequest(step.Method, path, GraphRequest.CaseInsensitive(query), GraphRequest.CaseInsensitive(headers),
            BodyOf(step.Body), baseUrl, InBatch: true);
    }

    /// <summary>JSON bodies come inline; the SDK sends other content base64-encoded, which may still hold JSON.</summary>
    static JsonNode? BodyOf(JsonNode? body)
    {
        if (body is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return body?.DeepClone();
        try { return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(v.GetValue<string>()))); }
        catch (Exception e) when (e is FormatException or JsonException) { throw GraphError.BadRequest("A batch request body is not JSON."); }
    }

    static JsonObject Envelope(string id, GraphResponse response)
    {
        var headers = new JsonObject();
        if (response.Body is not null) headers["Content-Type"] = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
        foreach (var (name, value) in response.Headers) headers[name] = value;
        var json = new JsonObject { ["id"] = id, ["status"] = response.Status, ["headers"] = headers };
        if (response.Body is not null) json["body"] = response.Body.DeepClone();
        return json;
    }

    static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
