namespace TeamsCrm.Bot.Domain;

/// <summary>A time-limited right for a rep to read another rep's customer file in full (档案的查阅).</summary>
public sealed record AccessGrant(string CustomerNumber, string GranteeAadObjectId, string GrantedByAadObjectId, DateTimeOffset From, DateTimeOffset Until)
{
    public bool IsActiveAt(DateTimeOffset now) => From <= now && now < Until;
}

/// <summary>借阅 log: every read of a file that is not one's own.</summary>
public sealed record AccessLogEntry(string CustomerNumber, string ReaderAadObjectId, DateTimeOffset At, string What, bool Full);
