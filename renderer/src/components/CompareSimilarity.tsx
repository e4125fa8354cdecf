interface Props {
  /** `similarity[i][j]` of the compared abstracts. */
  similarity: readonly (readonly number[])[];
}

/** The pairwise similarity of the compared abstracts (TF-IDF cosine over the library's vocabulary), papers by number. */
export function CompareSimilarity({ similarity }: Props) {
  const numbers = similarity.map((_, index) => index + 1);
  return (
    <table className="similarity-matrix" data-testid="similarity-matrix" aria-label="Similarity of the abstracts (TF-IDF cosine, 0–1)">
      <thead>
        <tr>
          <th scope="col" title="TF-IDF cosine of the abstracts, weighed by the whole library">similarity</th>
          {numbers.map((number) => (
            <th key={number} scope="col">
              {number}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {similarity.map((row, i) => (
          <tr key={i}>
            <th scope="row">{i + 1}</th>
            {row.map((score, j) =>
              i === j ? (
                <td key={j} className="similarity-self">
                  —
                </td>
              ) : (
                <td key={j} data-testid="similarity-value" style={{ ['--score' as string]: score.toFixed(3) }} title={`Papers ${i + 1} and ${j + 1}: ${score.toFixed(2)}`}>
                  {score.toFixed(2)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
