import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';

mount(App, { target: document.getElementById('app')! });

// The service worker caches the app for offline use; registering is skipped in development.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
	import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
}
