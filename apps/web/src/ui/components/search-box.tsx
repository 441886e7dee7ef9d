'use client';
import { useEffect, useId, useState } from 'react';

/** A search input that reports its text after typing pauses (250 ms), so each key is not a request. */
export function SearchBox(props: {
  label: string;
  placeholder?: string;
  onSearch: (text: string) => void;
  initial?: string;
}) {
  const id = useId();
  const [text, setText] = useState(props.initial ?? '');
  const { onSearch } = props;
  useEffect(() => {
    const timer = setTimeout(() => onSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <div className="search-box">
      <label htmlFor={id} className="visually-hidden">
        {props.label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={props.placeholder ?? props.label}
        onChange={(event) => setText(event.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
