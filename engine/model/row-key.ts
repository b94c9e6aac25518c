/** The key of a file with no id column: each row's line, as a column the CSV reader appends (`key: "(row)"`). */
export const ROW_KEY = '(row)';
