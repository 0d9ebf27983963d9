using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph;

/// <summary>
/// /_fake: what an in-process test does through <see cref="FakeGraphServer"/>, over HTTP for a fake running on its own
/// (seed users and managers, inject faults, set latency, read counters, reset). Not part of Graph.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app, GraphContext graph)
    {
        var control = app.MapGroup("/_fake");
        control.MapGet("/counters", () => Results.Text(graph.Counters.ToString()));

        control.MapPost("/reset", () =>
        {
            graph.Store.Clear();
            graph.Faults.Clear();
            graph.Counters.Reset();
            graph.Requests.Clear();
            graph.Queries.Clear();
            return Results.NoContent();
        });

        // [{ "id", "displayName", "mail", "userPrincipalName", "managerId", "automaticRepliesSetting": { "status", … } }]
        control.MapPost("/users", async (HttpRequest request) =>
        {
            var users = await JsonNode.ParseAsync(request.Body) as JsonArray ?? [];
            foreach (var u in users.OfType<JsonObject>())
            {
                var user = graph.Store.Directory.AddUser(new FakeUser((string)u["id"]!, (string?)u["displayName"] ?? "", (string?)u["mail"],
                    (string?)u["userPrincipalName"], (string?)u["jobTitle"]), (string?)u["managerId"]);
                if (u["automaticRepliesSetting"] is JsonObject replies) graph.Store.Directory.SetAutomaticReplies(user.Id, replies);
            }
            return Results.NoContent();
        });

        // only=UploadFragment (any RouteKind name) aims the fault at one kind of request, e.g. the upload URL.
        control.MapPost("/throttle", (int count, int? retryAfter, string? only) =>
        {
            if (!TryKind(only, out var kind)) return Results.BadRequest($"'{only}' is not a RouteKind.");
            graph.Faults.ThrottleNext(count, retryAfter ?? 1, kind);
            return Results.NoContent();
        });

        control.MapPost("/fail", (int? status, int? count, int? retryAfter, string? only) =>
        {
            if (!TryKind(only, out var kind)) return Results.BadRequest($"'{only}' is not a RouteKind.");
            graph.Faults.FailNext(status ?? 503, count ?? 1, retryAfter, kind);
            return Results.NoContent();
        });

        control.MapPost("/storm", (int every, int? retryAfter) =>
        {
            if (every <= 0) graph.Faults.StopStorm();
            else graph.Faults.StartStorm(every, retryAfter ?? 1);
            return Results.NoContent();
        });

        control.MapPost("/latency", (int ms) =>
        {
            graph.Options.Latency = TimeSpan.FromMilliseconds(ms);
            return Results.NoContent();
        });
    }

    static bool TryKind(string? name, out RouteKind? kind)
    {
        kind = null;
        if (string.IsNullOrEmpty(name)) return true;
        if (!Enum.TryParse<RouteKind>(name, ignoreCase: true, out var parsed)) return false;
        kind = parsed;
        return true;
    }
}
