'use client';
/**
 * A picture of the tenant's login page at apps/op (page-shell + login-view), drawn from the
 * branding being edited so every keystroke shows. Inert: nothing in it can be focused or sent.
 */
import type { CSSProperties } from 'react';
import styles from './login-preview.module.css';
import { loginTheme, themeProperties } from './login-theme';

export function LoginPreview(props: {
  displayName: string;
  primaryColor: string;
  backgroundColor: string;
  logoUrl: string;
}) {
  const theme = loginTheme(props.primaryColor, props.backgroundColor);
  const colours = themeProperties(theme) as CSSProperties;
  const showLogo = /^(https:|data:image\/)/.test(props.logoUrl);
  return (
    <figure className={styles.frame} aria-label="Login page preview">
      <div className={styles.page} style={colours} data-testid="branding-preview" inert>
        <div className={styles.brand}>
          {showLogo && (
            // biome-ignore lint/performance/noImgElement: a preview of an arbitrary tenant logo URL, as apps/op shows it.
            <img className={styles.logo} src={props.logoUrl} alt="" />
          )}
          <span className={styles.brandName} data-testid="preview-name">
            {props.displayName}
          </span>
        </div>
        <div className={styles.card}>
          <p className={styles.heading}>Sign in</p>
          <div className={styles.field}>
            <span className={styles.label}>Email or username</span>
            <span className={styles.input} />
          </div>
          <div className={styles.field}>
            <span className={styles.label}>Password</span>
            <span className={styles.input} />
          </div>
          <span className={styles.button} data-testid="preview-button">
            Sign in
          </span>
          <span className={styles.link}>Privacy policy</span>
        </div>
      </div>
      <figcaption className={styles.caption}>
        Preview of the login page. Text colours follow the contrast rules apps/op applies.
      </figcaption>
    </figure>
  );
}
