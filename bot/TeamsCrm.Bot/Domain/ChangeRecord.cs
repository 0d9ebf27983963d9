namespace TeamsCrm.Bot.Domain;

/// <summary>A change to a customer file: field, old and new value, who, when, why and under which approval.</summary>
public sealed record ChangeRecord(
    string CustomerNumber, string Field, string? OldValue, string? NewValue,
    string ByAadObjectId, DateTimeOffset At, string? Reason, string? ApprovalId);
