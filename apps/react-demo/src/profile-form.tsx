import { AVATAR_CHOICES, NO_AVATAR, openAsAnotherPerson, type DemoProfile } from '@presence-kit/demo-shared'
import { useId, useState, type FormEvent } from 'react'

interface ProfileFormProps {
  profile: DemoProfile
  onSave: (profile: DemoProfile) => void
}

/**
 * Name and avatar picker. The user id comes from the address; "Open as another person" opens this page
 * in a new tab as a new guest, to watch yourself from the other side.
 */
export function ProfileForm({ profile, onSave }: ProfileFormProps) {
  const nameId = useId()
  const [name, setName] = useState(profile.name)
  const [avatar, setAvatar] = useState(profile.avatar)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    onSave({ ...profile, name: trimmed === '' ? profile.userId : trimmed.slice(0, 60), avatar })
  }
  return (
    <section className="demo-card" aria-labelledby="profile-title">
      <h2 id="profile-title">You</h2>
      <form onSubmit={submit} data-demo="profile">
        <p className="demo-muted">
          User id: <code data-demo="user-id">{profile.userId}</code>
        </p>
        <div className="demo-field">
          <label htmlFor={nameId}>Name</label>
          <input
            id={nameId}
            type="text"
            value={name}
            maxLength={60}
            autoComplete="nickname"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <fieldset className="demo-fieldset">
          <legend>Avatar</legend>
          <div className="demo-avatar-choices">
            {AVATAR_CHOICES.map((choice) => (
              <label key={choice.id} className="demo-avatar-choice">
                <input
                  type="radio"
                  name="avatar"
                  value={choice.id}
                  checked={avatar === choice.id}
                  onChange={() => setAvatar(choice.id)}
                />
                <img src={`avatars/${choice.id}.png`} alt="" width={40} height={40} />
                {choice.label}
              </label>
            ))}
            <label className="demo-avatar-choice">
              <input
                type="radio"
                name="avatar"
                value={NO_AVATAR}
                checked={avatar === NO_AVATAR}
                onChange={() => setAvatar(NO_AVATAR)}
              />
              <span className="demo-avatar-none" aria-hidden="true">
                Aa
              </span>
              Initials
            </label>
          </div>
        </fieldset>
        <div className="demo-actions">
          <button type="submit" className="demo-primary">
            Save
          </button>
          <button type="button" data-demo="another-person" onClick={openAsAnotherPerson}>
            Open as another person
          </button>
        </div>
      </form>
    </section>
  )
}
