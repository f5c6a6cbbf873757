import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../app/ErrorNotice.tsx';
import { paths, useRouter } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';

export default function SignIn() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const { location, navigate } = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setError(null);
    try {
      await signIn(email, password);
      const back = location.query.get('back');
      navigate(back && back.startsWith('/') && !back.startsWith('//') ? back : paths.overview());
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={(event) => void submit(event)} className="form" aria-describedby="sign-in-hint">
        <label>
          {t('signIn.email')}
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label>
          {t('signIn.password')}
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={working}>{working ? t('signIn.working') : t('signIn.submit')}</button>
        {error !== null && <ErrorNotice error={error} />}
        <p id="sign-in-hint" className="hint">{t('signIn.hint')}</p>
      </form>
    </section>
  );
}
