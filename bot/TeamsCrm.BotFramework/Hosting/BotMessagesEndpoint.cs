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
/// POST /api/messages: size limit → parse (<see cref="ActivityReader"/>) → authenticate → admit (<see cref="ActivityAdmission"/>:
/// Teams, allowed tenants) → deduplicate → hand to the app. Bad requests get 400/401/403/413 and are never processed;
/// an invoke is never answered with a 5xx.
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
        var (activity, unusable) = ActivityReader.Read(body);
        if (activity is null)
        {
            LogUnusable(log, unusable!);
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
        // Only after the token: an unauthenticated caller learns nothing about which channels and tenants pass.
        var admission = ActivityAdmission.Check(activity, options);
        if (!admission.IsAccepted)
        {
            LogRefused(log, admission.Failure!);
            http.Response.StatusCode = admission.StatusCode;
            return;
        }

        var isInvoke = activity.Type == ActivityTypes.Invoke;
        InvokeResponse? answer;
        byte[]? answerBody;
        try
        {
            answer = await RunTurnAsync(services, activity, log);
            answerBody = answer?.Body is { } b ? JsonSerializer.SerializeToUtf8Bytes(b, b.GetType(), BotJson.Options) : null;
        }
        catch (Exception e)
        {
            LogTurnCrashed(log, e, activity.Type, activity.Name);
            // A message turn that failed (the archive or the connector down) is answered 500 so that the connector
            // redelivers it: the deduplicator forgets a failed run and every write is idempotent.
            if (!isInvoke)
            {
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }
            // An invoke's answer is what the person sees on the card: a message saying it failed, never a 5xx.
            (answer, answerBody) = (InternalError, JsonSerializer.SerializeToUtf8Bytes(InternalError.Body, BotJson.Options));
        }

        if (isInvoke)
        {
            // An invoke the bot does not offer (Teams sends only those the manifest declares): refused as a bad
            // request rather than the SDKs' 501, so that no input makes the bot answer with a 5xx.
            http.Response.StatusCode = answer?.Status ?? StatusCodes.Status400BadRequest;
            if (answerBody is not null)
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.Body.WriteAsync(answerBody, http.RequestAborted);
            }
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    static async Task<InvokeResponse?> RunTurnAsync(IServiceProvider services, Activity activity, ILogger log)
    {
        var handler = services.GetRequiredService<IActivityHandler>();
        var dedup = services.GetRequiredService<IRedeliveryLedger>();
        var key = activity.Id is null ? null : $"{activity.Conversation?.Id}|{activity.Id}";
        // The turn runs to completion even if the connector hangs up: a half-done turn is worse than a late one.
        var (answer, firstRun) = await dedup.RunOnceAsync(key, () => handler.OnActivityAsync(activity, CancellationToken.None));
        if (!firstRun) LogRedelivery(log, activity.Id!, activity.Type);
        return answer;
    }

    /// <summary>
    /// The answer to an invoke whose turn threw: HTTP 200 carrying the Universal Actions error body, so Teams shows the card's
    /// error and the connector neither retries nor counts the bot as failing. The app answers its own failures politely
    /// (in the person's language); this is only for what escaped it.
    /// </summary>
    static readonly InvokeResponse InternalError = new(StatusCodes.Status200OK, new System.Text.Json.Nodes.JsonObject
    {
        ["statusCode"] = 500,
        ["type"] = "application/vnd.microsoft.error",
        ["value"] = new System.Text.Json.Nodes.JsonObject { ["code"] = "InternalError", ["message"] = "The bot could not complete this action. Please try again." },
    });

    /// <summary>
    /// The body, or null when it is larger than <see cref="MaxBodyBytes"/>. With a Content-Length (what the connector sends)
    /// it is read straight into an array of that size — one allocation a turn; a chunked body grows through a pooled buffer.
    /// A body cut short arrives short, and fails as JSON (400).
    /// </summary>
    static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        int read;
        if (request.ContentLength is { } length)
        {
            if (length > MaxBodyBytes) return null;
            var body = new byte[length];
            var filled = 0;
            while (filled < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(filled), ct)) > 0) filled += read;
            return filled == body.Length ? body : body[..filled];
        }
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an unusable activity (400): {Why}")]
    static partial void LogUnusable(ILogger logger, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity (403): {Why}")]
    static partial void LogRefused(ILogger logger, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Type} turn ({Name}) failed outside the app's own error handling")]
    static partial void LogTurnCrashed(ILogger logger, Exception e, string? type, string? name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redelivered activity {ActivityId} ({Type}) answered from the first run")]
    static partial void LogRedelivery(ILogger logger, string activityId, string? type);
}
