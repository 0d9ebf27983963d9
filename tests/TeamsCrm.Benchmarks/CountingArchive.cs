using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using TeamsCrm.Bot.Archive;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// The archive with every call counted, per interface method. On SharePoint each of these calls is (at least)
/// one Graph request, so the count per turn is the Graph budget a turn would spend.
/// </summary>
public sealed class CountingArchive(ICrmArchive inner) : ICrmArchive
{
    readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);

    public IConversationStore Conversations => _conversations ??= CountingProxy<IConversationStore>.Wrap(inner.Conversations, this);
    public ICustomerFiles Customers => _customers ??= CountingProxy<ICustomerFiles>.Wrap(inner.Customers, this);
    public IVisitLog Visits => _visits ??= CountingProxy<IVisitLog>.Wrap(inner.Visits, this);
    public IApprovalStore Approvals => _approvals ??= CountingProxy<IApprovalStore>.Wrap(inner.Approvals, this);
    public ISalesTargets Targets => _targets ??= CountingProxy<ISalesTargets>.Wrap(inner.Targets, this);
    public IMonthlyRollups Rollups => _rollups ??= CountingProxy<IMonthlyRollups>.Wrap(inner.Rollups, this);
    public IReminderStore Reminders => _reminders ??= CountingProxy<IReminderStore>.Wrap(inner.Reminders, this);
    public IMarketReports Reports => _reports ??= CountingProxy<IMarketReports>.Wrap(inner.Reports, this);
    public IDocumentStore Documents => _documents ??= CountingProxy<IDocumentStore>.Wrap(inner.Documents, this);
    public IImportRuns Imports => _imports ??= CountingProxy<IImportRuns>.Wrap(inner.Imports, this);
    public ICheckInLog CheckIns => _checkIns ??= CountingProxy<ICheckInLog>.Wrap(inner.CheckIns, this);
    public IWholeFiles WholeFiles => _wholeFiles ??= CountingProxy<IWholeFiles>.Wrap(inner.WholeFiles, this);
    IConversationStore? _conversations;
    ICustomerFiles? _customers;
    IVisitLog? _visits;
    IApprovalStore? _approvals;
    ISalesTargets? _targets;
    IMonthlyRollups? _rollups;
    IReminderStore? _reminders;
    IMarketReports? _reports;
    IDocumentStore? _documents;
    IImportRuns? _imports;
    ICheckInLog? _checkIns;
    IWholeFiles? _wholeFiles;

    public long Total => _calls.Values.Sum();
    public IReadOnlyDictionary<string, long> ByMethod => new Dictionary<string, long>(_calls);
    public void Reset() => _calls.Clear();

    internal void Count(string method) => _calls.AddOrUpdate(method, 1, (_, n) => n + 1);

    /// <summary>Forwards every call of <typeparamref name="T"/> to the real store, counting it on the way.</summary>
    public class CountingProxy<T> : DispatchProxy where T : class
    {
        T _inner = null!;
        CountingArchive _counter = null!;

        public static T Wrap(T inner, CountingArchive counter)
        {
            var proxy = Create<T, CountingProxy<T>>();
            var self = (CountingProxy<T>)(object)proxy;
            (self._inner, self._counter) = (inner, counter);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            _counter.Count($"{typeof(T).Name[1..]}.{method!.Name}");
            try
            {
                return method!.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
