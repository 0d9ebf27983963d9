using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsCrm.BotFramework.Auth;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Hosting;

/// <summary>
/// POST /api/messages: size limit → parse → authenticate → deduplicate → hand to the app.
/// Bad requests get 400/401/403/413 and are never processed.
/// </summary>
public static partial class BotMessagesEndpoint
{
    /// <summary>Teams messages are capped near 100 KB; 256 KB leaves room for card data without inviting abuse.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, HandleAsync);

    static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<BotAuthOptions>>().Value;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotMessagesEndpoint));
        var authorization = http.Request.Headers.Authorization.ToString();

        if (options.IsLocalMode && http.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (!options.IsLocalMode && string.IsNullOrWhiteSpace(authorization))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        var activity = Parse(body);
        if (activity is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!options.IsLocalMode)
        {
            var verdict = await services.GetRequiredService<BotTokenValidator>().ValidateAsync(authorization, activity, http.RequestAborted);
            if (!verdict.IsAccepted)
            {
                http.Response.StatusCode = verdict.StatusCode;
                return;
            }
        }

        var handler = services.GetRequiredService<IActivityHandler>();
        var dedup = services.GetRequiredService<ActivityDeduplicator>();
        var key = activity.Id is null ? null : $"{activity.Conversation?.Id}|{activity.Id}";
        // The turn runs to completion even if the connector hangs up: a half-done turn is worse than a late one.
        var (answer, firstRun) = await dedup.RunOnceAsync(key, () => handler.OnActivityAsync(activity, CancellationToken.None));
        if (!firstRun) LogRedelivery(log, activity.Id!, activity.Type);

        if (activity.Type == ActivityTypes.Invoke)
        {
            if (answer is null)
            {
                http.Response.StatusCode = StatusCodes.Status501NotImplemented;
                return;
            }
            http.Response.StatusCode = answer.Status;
            if (answer.Body is not null)
                await http.Response.WriteAsJsonAsync(answer.Body, answer.Body.GetType(), BotJson.Options, http.RequestAborted);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    static Activity? Parse(byte[] body)
    {
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
            return string.IsNullOrWhiteSpace(activity?.Type) ? null : activity;
        }
        catch (JsonException) { return null; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redelivered activity {ActivityId} ({Type}) answered from the first run")]
    static partial void LogRedelivery(ILogger logger, string activityId, string? type);
}
