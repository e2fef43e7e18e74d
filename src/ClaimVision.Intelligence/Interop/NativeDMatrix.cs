using ClaimVision.Intelligence.Learning;

namespace ClaimVision.Intelligence.Interop;

/// <summary>A DMatrix built from sparse rows (CSR), optionally labelled. XGBoost copies the data on creation.</summary>
internal sealed unsafe class NativeDMatrix : IDisposable
{
    private NativeDMatrix(DMatrixHandle handle, int rows)
    {
        Handle = handle;
        Rows = rows;
    }

    internal DMatrixHandle Handle { get; }
    public int Rows { get; }

    public static NativeDMatrix Create(IReadOnlyList<SparseVector> rows, int columns, IReadOnlyList<int>? labels = null)
    {
        if (labels is not null && labels.Count != rows.Count)
            throw new ArgumentException($"{rows.Count} rows but {labels.Count} labels.", nameof(labels));
        var indptr = new nuint[rows.Count + 1];
        var total = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            total += rows[r].Count;
            indptr[r + 1] = (nuint)total;
        }
        var indices = new uint[total];
        var data = new float[total];
        var at = 0;
        foreach (var row in rows)
        {
            foreach (var c in row.Indices)
            {
                if (c >= columns) throw new ArgumentException($"Column {c} is outside the {columns} columns of the feature space.", nameof(rows));
                indices[at++] = (uint)c;
            }
            row.Values.CopyTo(data, at - row.Count);
        }

        DMatrixHandle handle;
        fixed (nuint* pIndptr = indptr)
        fixed (uint* pIndices = indices)
        fixed (float* pData = data)
            XGBoost.Check(XGBoost.XGDMatrixCreateFromCSREx(pIndptr, pIndices, pData, (nuint)indptr.Length, (nuint)total, (nuint)columns, out handle),
                nameof(XGBoost.XGDMatrixCreateFromCSREx));
        var matrix = new NativeDMatrix(handle, rows.Count);
        if (labels is not null)
        {
            var y = labels.Select(l => (float)l).ToArray();
            fixed (float* pY = y)
                XGBoost.Check(XGBoost.XGDMatrixSetFloatInfo(handle, "label", pY, (ulong)y.Length), nameof(XGBoost.XGDMatrixSetFloatInfo));
        }
        return matrix;
    }

    public void Dispose() => Handle.Dispose();
}
