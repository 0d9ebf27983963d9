namespace TeamsCrm.Bot.Operations;

/// <summary>
/// GET /health: alive (the process answers) — "ok". GET /health/ready: may take turns — "ready", or 503 with the
/// reason (<see cref="ReadinessProbe"/>). App Service's health check uses /health/ready (infra/main.bicep): an
/// instance that cannot reach the archive gets no traffic, and one shutting down gets none either.
/// </summary>
public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Text("ok"));
        app.MapGet("/health/ready", async (ReadinessProbe probe) => await probe.WhyNotReadyAsync() is { } reason
            ? Results.Text($"not ready: {reason}", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ready"));
    }
}
