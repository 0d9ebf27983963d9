using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.CheckIns;

/// <summary>
/// GET /checkin: the check-in page; POST /checkin: the place it found, or the check-out. Both at the signed, short-lived
/// address made when the dialog was opened (<see cref="DownloadKind.CheckIn"/>: who, which customer, the language): the
/// person is the link's, never anything the page sends, and they must still be allowed to log visits on the customer.
/// A link that is expired or altered is 403; a body that is not a check-in is 400.
/// </summary>
public static class CheckInEndpoints
{
    /// <summary>A check-in's body is a few numbers: anything much larger is not one.</summary>
    const int MaxBody = 2_048;

    public static void MapCheckIns(this WebApplication app)
    {
        var path = DownloadLinks.PathOf(DownloadKind.CheckIn);
        app.MapGet(path, PageAsync);
        app.MapPost(path, PostAsync);
    }

    static async Task<IResult> PageAsync(HttpRequest http, DownloadLinks links, CheckInDesk desk, ICrmArchive archive, CancellationToken ct)
    {
        var c = T.CultureFor(http.Query["l"]);
        if (links.Verify(http.Query) is not { Kind: DownloadKind.CheckIn } request
            || await desk.MayCheckInAsync(request.UserAadObjectId, request.Argument, ct) is not var (me, customer))
            return Results.Content(CheckInPage.Refused(c), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        var zone = await ZoneOfAsync(archive, me.AadObjectId, ct);
        return Results.Content(CheckInPage.Html(request.Culture, customer, await desk.OpenTodayAsync(me, customer, zone, ct), zone), "text/html; charset=utf-8");
    }

    static async Task<IResult> PostAsync(HttpRequest http, DownloadLinks links, CheckInDesk desk, ICrmArchive archive, CancellationToken ct)
    {
        if (links.Verify(http.Query) is not { Kind: DownloadKind.CheckIn } request)
            return Answer(StatusCodes.Status403Forbidden, T.Get(T.CultureFor(http.Query["l"]), "checkIn.linkRefused"));
        var c = request.Culture;
        if (await desk.MayCheckInAsync(request.UserAadObjectId, request.Argument, ct) is not var (me, customer))
            return Answer(StatusCodes.Status403Forbidden, T.Get(c, "checkIn.linkRefused"));
        if (http.ContentLength > MaxBody) return Answer(StatusCodes.Status413PayloadTooLarge, T.Get(c, "checkIn.failed"));
        if (await ReadAsync(http, ct) is not { } body || body["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id)
            || !Guid.TryParse(id, out _) || body["action"]?.GetValueKind() != JsonValueKind.String)
            return Answer(StatusCodes.Status400BadRequest, T.Get(c, "checkIn.failed"));
        var zone = await ZoneOfAsync(archive, me.AadObjectId, ct);
        CheckInOutcome outcome;
        switch ((string?)body["action"])
        {
            case "in":
                if (Number(body["latitude"]) is not { } lat || Number(body["longitude"]) is not { } lon
                    || (body["accuracy"] is { } a && a.GetValueKind() != JsonValueKind.Null && Number(a) is null))
                    return Answer(StatusCodes.Status400BadRequest, T.Get(c, "checkIn.noPlace"));
                outcome = await desk.CheckInAsync(me, customer, id.ToLowerInvariant(), new GeoPoint(lat, lon), Number(body["accuracy"]), zone, ct);
                break;
            case "out":
                outcome = await desk.CheckOutAsync(me, customer, id.ToLowerInvariant(), ct);
                break;
            default:
                return Answer(StatusCodes.Status400BadRequest, T.Get(c, "checkIn.failed"));
        }
        if (outcome.CheckIn is not { } stored) return Answer(StatusCodes.Status400BadRequest, T.Get(c, outcome.Refusal!));
        return Results.Json(new
        {
            id = stored.Id, message = CheckInText.Said(c, stored, zone), flagged = stored.Flagged, distance = stored.DistanceMeters,
            checkedOut = stored.OutAt is not null,
        });
    }

    static async Task<JsonObject?> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Body, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;

    /// <summary>The zone the rep's Teams client last told (their day is counted in it), else the server's.</summary>
    static async Task<TimeZoneInfo> ZoneOfAsync(ICrmArchive archive, string aadObjectId, CancellationToken ct) =>
        LocalCalendar.FindZone((await archive.Conversations.FindUserAsync(aadObjectId, ct))?.TimeZone) ?? TimeZoneInfo.Utc;

    static IResult Answer(int status, string message) => Results.Json(new { message }, statusCode: status);
}
