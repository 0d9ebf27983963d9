namespace TeamsCrm.BotFramework.Auth;

/// <summary>The verdict on an inbound request's bearer token.</summary>
public sealed record InboundAuthResult(int StatusCode, string? Failure)
{
    public static readonly InboundAuthResult Accepted = new(200, null);
    public static InboundAuthResult MissingToken() => new(401, "no bearer token");
    public static InboundAuthResult Rejected(string why) => new(403, why);
    public bool IsAccepted => Failure is null;
}
